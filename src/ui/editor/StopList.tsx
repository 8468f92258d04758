import { useSignal } from '@preact/signals';
import type { LonLat } from '../../domain/geo';
import { nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { StopRef } from '../../domain/scenario';
import { t } from '../i18n';
import { lang } from '../state/store';
import { FieldIssues, StationSelect, stationName, useVisitKey } from './fields';
import type { FieldIssue } from './issues';
import { parseCoord } from './stops';

interface StopListProps {
  stops: readonly StopRef[];
  network: Network;
  issues: readonly FieldIssue[];
  /** Path of the list below the modification, e.g. `.stops`. */
  field: string;
  testid: string;
  onRemove(k: number): void;
  onMove(k: number, by: -1 | 1): void;
  onRename(k: number, text: string, undoKey: string): void;
  onAddStation(id: string): void;
  onAddCoord(coord: LonLat): void;
  /** The stop before the first one (an extension's terminus), shown but not editable. */
  before?: string;
}

function NewStationName({
  value,
  onValue,
  testid,
}: {
  value: string;
  onValue(v: string, key: string): void;
  testid: string;
}) {
  const [key, newVisit] = useVisitKey(testid);
  return (
    <input
      type="text"
      class="stop-name"
      value={value}
      aria-label={t('ed.stopName')}
      data-testid={testid}
      onFocus={newVisit}
      onInput={(e) => onValue((e.target as HTMLInputElement).value, key())}
    />
  );
}

/**
 * The stops of a new line or extension in order. The map places, drags and removes them; this list does
 * all of that from the keyboard too: a station chosen from the list (a transfer there) or a position typed
 * as "longitude, latitude".
 */
export function StopList(props: StopListProps) {
  const pick = useSignal('');
  const coordText = useSignal('');
  const coordError = useSignal(false);
  const addCoord = () => {
    const c = parseCoord(coordText.value);
    coordError.value = c === undefined;
    if (c) {
      props.onAddCoord(c);
      coordText.value = '';
    }
  };
  const candidates = props.network.stations.filter(
    (s) => !props.stops.some((r) => (typeof r === 'string' ? r : r.id) === s.id),
  );
  return (
    <div class="stop-list">
      <h3>{t('ed.stops')}</h3>
      <ol data-testid={props.testid}>
        {props.before && (
          <li class="stop terminus">
            <span class="stop-label">{stationName(props.network, props.before)}</span>
            <span class="tag">{t('ed.terminus')}</span>
          </li>
        )}
        {props.stops.map((ref, k) => {
          const existing = typeof ref === 'string';
          const key = existing ? ref : ref.id;
          return (
            <li
              key={key}
              class={`stop ${existing ? 'existing' : 'new'}`}
              data-testid={`${props.testid}-${k}`}
            >
              {existing ? (
                <span class="stop-label">
                  {stationName(props.network, ref)} <span class="tag">{t('ed.transfer')}</span>
                </span>
              ) : (
                <NewStationName
                  value={nameIn(ref.name, lang.value)}
                  testid={`${props.testid}-${k}-name`}
                  onValue={(v, undoKey) => props.onRename(k, v, undoKey)}
                />
              )}
              <span class="stop-buttons">
                <button
                  type="button"
                  aria-label={t('ed.moveUp')}
                  disabled={k === 0}
                  onClick={() => props.onMove(k, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('ed.moveDown')}
                  disabled={k === props.stops.length - 1}
                  onClick={() => props.onMove(k, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('ed.removeStop')}
                  data-testid={`${props.testid}-${k}-remove`}
                  onClick={() => props.onRemove(k)}
                >
                  ✕
                </button>
              </span>
              {!existing && (
                <span class="stop-position" data-testid={`${props.testid}-${k}-position`}>
                  {ref.coord[0].toFixed(5)}, {ref.coord[1].toFixed(5)}
                </span>
              )}
              <FieldIssues issues={props.issues} field={`${props.field}[${k}]`} />
            </li>
          );
        })}
      </ol>
      <FieldIssues issues={props.issues.filter((i) => i.field === props.field)} />
      <div class="add-stop">
        <StationSelect
          label={t('ed.addStation')}
          stations={candidates}
          value={pick.value}
          placeholder={t('ed.choose')}
          testid={`${props.testid}-station`}
          onChange={(id) => (pick.value = id)}
        />
        <button
          type="button"
          disabled={!pick.value}
          data-testid={`${props.testid}-add-station`}
          onClick={() => {
            props.onAddStation(pick.value);
            pick.value = '';
          }}
        >
          {t('ed.add')}
        </button>
      </div>
      <form
        class="add-stop"
        onSubmit={(e) => {
          e.preventDefault();
          addCoord();
        }}
      >
        <label class="field">
          <span>{t('ed.addCoord')}</span>
          <input
            type="text"
            value={coordText.value}
            placeholder="116.40, 39.90"
            data-testid={`${props.testid}-coord`}
            aria-invalid={coordError.value}
            onInput={(e) => {
              coordText.value = (e.target as HTMLInputElement).value;
              coordError.value = false;
            }}
          />
          {coordError.value && <span class="field-issue-local">{t('ed.badCoord')}</span>}
        </label>
        <button type="submit" data-testid={`${props.testid}-add-coord`}>
          {t('ed.add')}
        </button>
      </form>
    </div>
  );
}
