import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { childPath } from '../../domain/issue';
import { LAYERS, type LayerId } from '../../domain/layer';
import type { Headways, Line } from '../../domain/line';
import { nameIn } from '../../domain/names';
import type { Network, Period } from '../../domain/network';
import type { Station } from '../../domain/station';
import { t } from '../i18n';
import { lang } from '../state/store';
import { type FieldIssue, issuesAt } from './issues';
import { secondsToMinutes } from './units';

let visits = 0;

/**
 * An undo key for one visit to a field: the keystrokes typed between focusing it and leaving it are one
 * undo step. Returns the key and the focus handler that starts a new visit.
 */
export function useVisitKey(field: string): [() => string, () => void] {
  const visit = useRef(++visits);
  return [() => `${field}#${visit.current}`, () => (visit.current = ++visits)];
}

/** The problems with one field, said next to it. */
export function FieldIssues({ issues, field }: { issues: readonly FieldIssue[]; field?: string }) {
  const list = field === undefined ? issues : issuesAt(issues, field);
  if (list.length === 0) return null;
  return (
    <ul class="field-issues" data-testid="field-issues">
      {list.map((i) => (
        <li key={`${i.field}:${i.message}`}>
          {i.field && <code>{i.field.replace(/^\./, '')}</code>} {i.message}
        </li>
      ))}
    </ul>
  );
}

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  /** A valid number typed, or null when the field was emptied (only when `optional`). */
  onValue(value: number | null, undoKey: string): void;
  unit?: string;
  optional?: boolean;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  testid?: string;
  issues?: readonly FieldIssue[];
  field?: string;
}

/**
 * A number typed by the planner. What is typed is kept as text while the field has focus (so "1." or an
 * empty field are not overwritten mid-typing); every valid number is passed on at once. An empty required
 * field or a number out of range passes nothing on and says why.
 */
export function NumberField(props: NumberFieldProps) {
  const text = useSignal<string | null>(null);
  const [key, newVisit] = useVisitKey(props.testid ?? props.label);
  const shown =
    text.value ?? (props.value === undefined || Number.isNaN(props.value) ? '' : String(props.value));
  const parsed = text.value === null ? null : text.value.trim() === '' ? null : Number(text.value);
  let local: string | null = null;
  if (text.value !== null) {
    if (parsed === null && !props.optional) local = t('ed.required');
    else if (parsed !== null && !Number.isFinite(parsed)) local = t('ed.notNumber');
    else if (parsed !== null && props.min !== undefined && parsed < props.min)
      local = t('ed.atLeast', { min: props.min });
    else if (parsed !== null && props.max !== undefined && parsed > props.max)
      local = t('ed.atMost', { max: props.max });
  }
  return (
    <label class="field number-field">
      <span>{props.label}</span>
      <span class="with-unit">
        <input
          type="number"
          inputMode="decimal"
          value={shown}
          min={props.min}
          max={props.max}
          step={props.step ?? 'any'}
          placeholder={props.placeholder}
          data-testid={props.testid}
          aria-invalid={
            local !== null ||
            (props.issues && props.field ? issuesAt(props.issues, props.field).length > 0 : false)
          }
          onFocus={() => {
            newVisit();
            text.value = shown;
          }}
          onBlur={() => (text.value = null)}
          onInput={(e) => {
            const raw = (e.target as HTMLInputElement).value;
            text.value = raw;
            const v = raw.trim() === '' ? null : Number(raw);
            if (v === null) {
              if (props.optional) props.onValue(null, key());
              return;
            }
            if (!Number.isFinite(v)) return;
            if (props.min !== undefined && v < props.min) return;
            if (props.max !== undefined && v > props.max) return;
            props.onValue(v, key());
          }}
        />
        {props.unit && <span class="unit">{props.unit}</span>}
      </span>
      {local && <span class="field-issue-local">{local}</span>}
      {props.issues && props.field !== undefined && <FieldIssues issues={props.issues} field={props.field} />}
    </label>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onValue(value: string, undoKey: string): void;
  testid?: string;
}

export function TextField(props: TextFieldProps) {
  const [key, newVisit] = useVisitKey(props.testid ?? props.label);
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        type="text"
        value={props.value}
        data-testid={props.testid}
        onFocus={newVisit}
        onInput={(e) => props.onValue((e.target as HTMLInputElement).value, key())}
      />
    </label>
  );
}

/** Headway per analysis period in minutes; an empty period has no service. */
export function HeadwaysField(props: {
  periods: readonly Period[];
  headways: Headways | undefined;
  onChange(period: string, minutes: number | null, undoKey: string): void;
  issues: readonly FieldIssue[];
  field: string;
  testid: string;
  placeholders?: Headways;
  /** What an empty period means (default: no service). */
  emptyText?: string;
}) {
  return (
    <fieldset class="headways" data-testid={props.testid}>
      <legend>{t('ed.headways')}</legend>
      {props.periods.map((p) => (
        <NumberField
          key={p.id}
          label={nameIn(p.name, lang.value)}
          value={props.headways?.[p.id] === undefined ? undefined : secondsToMinutes(props.headways[p.id]!)}
          unit={t('ed.min')}
          optional
          min={0.1}
          placeholder={
            props.placeholders?.[p.id] !== undefined
              ? String(secondsToMinutes(props.placeholders[p.id]!))
              : (props.emptyText ?? t('ed.noService'))
          }
          testid={`${props.testid}-${p.id}`}
          onValue={(v, key) => props.onChange(p.id, v, key)}
          issues={props.issues}
          field={childPath(props.field, p.id)}
        />
      ))}
      {/* The list itself, and periods the network does not have (from a file). */}
      <FieldIssues
        issues={issuesAt(props.issues, props.field).filter(
          (i) => !props.periods.some((p) => issuesAt([i], childPath(props.field, p.id)).length > 0),
        )}
      />
    </fieldset>
  );
}

const byName = <T extends { id: string; name: { zh?: string; en?: string } }>(items: readonly T[]) =>
  [...items].sort(
    (a, b) =>
      nameIn(a.name, lang.value).localeCompare(nameIn(b.name, lang.value)) || a.id.localeCompare(b.id),
  );

interface SelectProps {
  label: string;
  value: string;
  onChange(id: string): void;
  testid: string;
  issues?: readonly FieldIssue[];
  field?: string;
  placeholder?: string;
}

/** One of `items` by name; a value not among them stays listed (as itself) so nothing changes silently. */
function NamedSelect(
  props: SelectProps & { items: readonly { id: string; name: { zh?: string; en?: string } }[] },
) {
  const known = props.items.some((x) => x.id === props.value);
  return (
    <label class="field">
      <span>{props.label}</span>
      <select
        value={props.value}
        data-testid={props.testid}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {!known && <option value={props.value}>{props.value || (props.placeholder ?? '—')}</option>}
        {byName(props.items).map((x) => (
          <option key={x.id} value={x.id}>
            {nameIn(x.name, lang.value)} ({x.id})
          </option>
        ))}
      </select>
      {props.issues && props.field && <FieldIssues issues={props.issues} field={props.field} />}
    </label>
  );
}

/** A line of the network, by name. */
export function LineSelect({ lines, ...props }: SelectProps & { lines: readonly Line[] }) {
  return <NamedSelect {...props} items={lines} />;
}

/** A station by name (the keyboard way to pick what the map picks by clicking). */
export function StationSelect({ stations, ...props }: SelectProps & { stations: readonly Station[] }) {
  return <NamedSelect {...props} items={stations} />;
}

/** One of the four layers, by its label (`visibleLabel` false: an aria-label only, for tight rows). */
export function LayerSelect(props: {
  label: string;
  value: LayerId | undefined;
  testid: string;
  onChange(layer: LayerId): void;
  visibleLabel?: boolean;
}) {
  const options = LAYERS.map((l) => (
    <option key={l} value={l}>
      {t(`layer.${l}`)}
    </option>
  ));
  const onChange = (e: Event) => props.onChange((e.target as HTMLSelectElement).value as LayerId);
  if (props.visibleLabel === false)
    return (
      <select value={props.value} aria-label={props.label} data-testid={props.testid} onChange={onChange}>
        {options}
      </select>
    );
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} data-testid={props.testid} onChange={onChange}>
        {options}
      </select>
    </label>
  );
}

/** An optional time in minutes for a value kept in seconds; emptied: unchanged (null). */
export function OptionalMinutesField(props: {
  label: string;
  seconds: number | undefined;
  placeholder: string;
  testid: string;
  onMinutes(minutes: number | null, undoKey: string): void;
  issues: readonly FieldIssue[];
  field: string;
}) {
  return (
    <NumberField
      label={props.label}
      value={props.seconds === undefined ? undefined : secondsToMinutes(props.seconds)}
      unit={t('ed.min')}
      optional
      min={0}
      placeholder={props.placeholder}
      testid={props.testid}
      onValue={props.onMinutes}
      issues={props.issues}
      field={props.field}
    />
  );
}

/** A choice among a few options as radio buttons, e.g. which end of a line or what a rule applies to. */
export function Segmented<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label(option: T): ComponentChildren;
  onChange(option: T): void;
  disabled?(option: T): boolean;
}) {
  return (
    <fieldset class="segmented">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === o}
            disabled={props.disabled?.(o) ?? false}
            data-testid={`${props.name}-${o}`}
            onChange={() => props.onChange(o)}
          />
          {props.label(o)}
        </label>
      ))}
    </fieldset>
  );
}

export function stationName(network: Network, id: string): string {
  const s = network.stations.find((x) => x.id === id);
  return s ? nameIn(s.name, lang.value) : id;
}

export function lineName(network: Network, id: string): string {
  const l = network.lines.find((x) => x.id === id);
  return l ? nameIn(l.name, lang.value) : id;
}

export function Hint({ children }: { children: ComponentChildren }) {
  return <p class="hint">{children}</p>;
}
