import { signal, useSignal } from '@preact/signals';
import * as maplibregl from 'maplibre-gl';
import { metricText } from '../../domain/metrics';
import { nameIn } from '../../domain/names';
import { districtsCsv } from '../../io/exports';
import { compactMetrics, figureIn } from '../../io/resultsFigures';
import type { ResultsDocument } from '../../io/schema/results';
import { areas } from '../data/areas';
import { t } from '../i18n';
import { FigureCell, SortHeading, useSort } from './sortable';
import './strings';
import { primaryMap } from '../map/MapView';
import { documentSides } from '../state/sides';
import { comparison, lang, network } from '../state/store';
import { downloadText, exportBase } from './ExportFile';
import { readyForExport } from './exportCheck';

type Area = NonNullable<ResultsDocument['districts']>[number];
type Level = Area['level'];

/** Whether the district table is open (over the map). */
export const districtsOpen = signal(false);

interface Column {
  key: string;
  /** The group heading it sits under (time to the core, jobs within 45 min, …). */
  group: string;
  label: string;
  value: (a: Area) => number | null | undefined;
  digits: number;
  /** A change: signed, and coloured by whether it is a gain (`lower` times are better, `higher` jobs). */
  change?: 'lower' | 'higher';
}

/**
 * The columns: population, then per figure before, after and change; people gaining. Without `after`
 * (the report's narrow table) the scenario's figure is left out: it is before + change.
 */
function columnsOf(doc: ResultsDocument, after = true): Column[] {
  const scenario = doc.summary.scenario !== undefined;
  const names = documentSides(doc);
  const sides = (
    id: string,
    group: string,
    digits: number,
    better: 'lower' | 'higher',
    get: (m: Area['baseline']) => number | null,
    delta: (d: NonNullable<Area['delta']>) => number | null | undefined,
  ): Column[] => [
    { key: `${id}-before`, group, label: names.before, value: (a) => get(a.baseline), digits },
    ...(scenario && after
      ? [
          {
            key: `${id}-after`,
            group,
            label: names.after,
            value: (a: Area) => (a.scenario ? get(a.scenario) : null),
            digits,
          },
        ]
      : []),
    ...(scenario
      ? [
          {
            key: `${id}-delta`,
            group,
            label: t('summary.delta'),
            value: (a: Area) => (a.delta ? delta(a.delta) : null),
            digits,
            change: better,
          },
        ]
      : []),
  ];
  const steps = Object.keys(doc.summary.delta?.peopleGaining ?? {}).sort((a, b) => Number(a) - Number(b));
  return [
    {
      key: 'population',
      group: '',
      label: t('tooltip.population'),
      value: (a) => a.baseline.population,
      digits: 0,
    },
    // Each metric the breakdown has (domain/metrics.ts), jobs within the headline thresholds.
    ...compactMetrics(doc, 'district').flatMap((m) =>
      sides(
        m.id,
        metricText(m, m.districtLabel ?? m.label, lang.value),
        m.summary?.digits ?? 1,
        m.better,
        (x) => figureIn(x, m, 'district') ?? null,
        (d) => figureIn(d, m, 'district'),
      ),
    ),
    ...steps.map((m) => ({
      key: `gaining-${m}`,
      group: t('districts.gaining'),
      label: `≥ ${m} ${t('unit.min')}`,
      value: (a: Area) => a.delta?.peopleGaining[m],
      digits: 0,
    })),
  ];
}

const format = (x: number | null | undefined, digits: number, signed = false) =>
  x === null || x === undefined
    ? '—'
    : `${signed && x > 0 ? '+' : ''}${x.toLocaleString(undefined, { maximumFractionDigits: digits })}`;

/** Fit the primary map to an area's zones. */
function showArea(level: Level, id: string): void {
  const map = primaryMap.value;
  const n = network.value?.network;
  const unit = areas.value.find((u) => u.level === level && u.id === id);
  if (!map || !n || !unit) return;
  const bounds = new maplibregl.LngLatBounds();
  for (const z of unit.zones) bounds.extend(n.zones[z]!.centroid);
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 60, maxZoom: 12.5, duration: 0 });
}

/**
 * Districts and subdistricts as a table: before, after, change and people gaining, the numbers of the
 * results file's `districts` section (the headless run's). Sorted by any column (click its heading,
 * again to reverse); a name zooms the map to the area. `compact`: districts only, no controls (report).
 */
export function DistrictTable({ doc, compact = false }: { doc: ResultsDocument; compact?: boolean }) {
  const level = useSignal<Level>('district');
  const within = useSignal<string>('');
  const { sort: s, toggle, ariaSort } = useSort<string>();
  const all = doc.districts ?? [];
  const hasSubdistricts = all.some((a) => a.level === 'subdistrict');
  const shownLevel = compact ? 'district' : level.value;
  const columns = columnsOf(doc, !compact);
  const l = lang.value;
  const nameOf = (a: Area) => (a.name ? nameIn(a.name, l) : a.id);
  const districtName = new Map(all.filter((a) => a.level === 'district').map((a) => [a.id, nameOf(a)]));
  let rows = all.filter(
    (a) =>
      a.level === shownLevel && (shownLevel === 'district' || !within.value || a.parent === within.value),
  );
  const column = s && columns.find((c) => c.key === s.key);
  if (s && (column || s.key === 'name')) {
    const key = (a: Area) => (column ? (column.value(a) ?? Number.NEGATIVE_INFINITY) : nameOf(a));
    rows = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'string' ? x.localeCompare(String(y), l) : x - (y as number);
      return s.descending ? -order : order;
    });
  }
  const groups = columns.reduce<{ group: string; span: number }[]>((out, c) => {
    const last = out.at(-1);
    if (last && last.group === c.group) last.span++;
    else out.push({ group: c.group, span: 1 });
    return out;
  }, []);
  return (
    <div class={`district-table ${compact ? 'compact' : ''}`}>
      {!compact && (
        <div class="district-controls">
          {hasSubdistricts && (
            <fieldset class="segmented inline">
              <legend>{t('districts.level')}</legend>
              {(['district', 'subdistrict'] as const).map((x) => (
                <label key={x}>
                  <input
                    type="radio"
                    name="district-level"
                    checked={level.value === x}
                    data-testid={`districts-level-${x}`}
                    onChange={() => (level.value = x)}
                  />
                  {t(`districts.${x}`)}
                </label>
              ))}
            </fieldset>
          )}
          {level.value === 'subdistrict' && (
            <label class="field inline">
              <span>{t('districts.within')}</span>
              <select
                value={within.value}
                data-testid="districts-within"
                onChange={(e) => (within.value = (e.target as HTMLSelectElement).value)}
              >
                <option value="">{t('districts.all')}</option>
                {[...districtName].map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            data-testid="districts-csv"
            onClick={async () => {
              const name = `${exportBase(doc)}.districts.csv`;
              if (await readyForExport(doc, name)) downloadText(name, districtsCsv(doc), 'text/csv');
            }}
          >
            {t('districts.csv')}
          </button>
        </div>
      )}
      <table data-testid={compact ? 'report-districts' : 'districts-table'}>
        <thead>
          <tr>
            <th />
            {groups.map((g, k) => (
              <th key={k} colSpan={g.span} class="group">
                {g.group}
              </th>
            ))}
          </tr>
          <tr>
            <SortHeading
              label={t(`districts.${shownLevel}`)}
              testid="sort-name"
              sorted={ariaSort('name')}
              onSort={() => toggle('name')}
            />
            {columns.map((c) => (
              <SortHeading
                key={c.key}
                label={c.label}
                testid={`sort-${c.key}`}
                sorted={ariaSort(c.key)}
                onSort={() => toggle(c.key)}
                disabled={compact}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={`${a.level}:${a.id}`} data-id={a.id}>
              <th scope="row">
                {compact ? (
                  nameOf(a)
                ) : (
                  <button type="button" class="link" onClick={() => showArea(a.level, a.id)}>
                    {nameOf(a)}
                  </button>
                )}
                {shownLevel === 'subdistrict' && !within.value && a.parent && (
                  <span class="parent"> · {districtName.get(a.parent) ?? a.parent}</span>
                )}
              </th>
              {columns.map((c) => {
                const v = c.value(a);
                return (
                  <FigureCell
                    key={c.key}
                    column={c.key}
                    value={v}
                    tone={c.change && v ? (v < 0 === (c.change === 'lower') ? 'good' : 'bad') : undefined}
                  >
                    {format(v, c.digits, c.change !== undefined)}
                  </FigureCell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The district table over the map, with its controls and a close button. */
export function DistrictsDrawer() {
  const doc = comparison.value?.doc;
  if (!districtsOpen.value || !doc) return null;
  return (
    <section class="districts-drawer panel" aria-label={t('districts.title')} data-testid="districts">
      <header>
        <h2>{t('districts.title')}</h2>
        <button type="button" data-testid="districts-close" onClick={() => (districtsOpen.value = false)}>
          {t('districts.close')}
        </button>
      </header>
      {(doc.districts ?? []).length === 0 ? (
        <p class="note">{t('districts.none')}</p>
      ) : (
        <DistrictTable doc={doc} />
      )}
    </section>
  );
}

/** Opens the district table (shown in the summary). */
export function DistrictsButton() {
  return (
    <button
      type="button"
      class="districts-open"
      data-testid="districts-open"
      aria-pressed={districtsOpen.value}
      onClick={() => (districtsOpen.value = !districtsOpen.value)}
    >
      {t('districts.open')}
    </button>
  );
}
