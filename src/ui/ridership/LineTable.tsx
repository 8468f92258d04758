import { useSignal } from '@preact/signals';
import { nameIn } from '../../domain/names';
import { t } from '../i18n';
import { lang } from '../state/store';
import { signed, whole } from './format';
import { type LineRow, type SortKey, sortRows } from './lineRows';

interface Column {
  key: SortKey;
  label: string;
  value: (r: LineRow) => number | null | undefined;
  text: (r: LineRow) => string;
  /** A second line under the figure (the busiest section's stops). */
  detail?: (r: LineRow) => string | undefined;
  /** Coloured by sign (gain / loss). */
  change?: boolean;
}

/**
 * The lines and their estimated boardings before, after and the change, passenger-km and the busiest
 * section; sorted by any column (click its heading, again to reverse). Picking a line's name shows its
 * riders and their sources in the chart below.
 */
export function LineTable({
  rows,
  withScenario,
  stationName,
  chosen,
  onChoose,
}: {
  rows: LineRow[];
  withScenario: boolean;
  stationName: (id: string) => string;
  chosen: string | undefined;
  onChoose: (line: string) => void;
}) {
  const sort = useSignal<{ key: SortKey; descending: boolean } | null>(null);
  const l = lang.value;
  const nameOf = (r: LineRow) => nameIn(r.line.name, l);
  const columns: Column[] = [
    {
      key: 'before',
      label: withScenario ? t('ridership.before') : t('ridership.tipBoardings'),
      value: (r) => r.before,
      text: (r) => (r.before === null ? t('ridership.new') : whole(r.before)),
    },
    ...(withScenario
      ? [
          {
            key: 'after' as const,
            label: t('ridership.after'),
            value: (r: LineRow) => r.after,
            text: (r: LineRow) => (r.after === null ? t('ridership.removed') : whole(r.after)),
          },
          {
            key: 'change' as const,
            label: t('ridership.change'),
            value: (r: LineRow) => r.change,
            text: (r: LineRow) => signed(r.change),
            change: true,
          },
        ]
      : []),
    {
      key: 'passengerKm',
      label: t('ridership.pkm'),
      value: (r) => r.passengerKm,
      text: (r) => whole(r.passengerKm),
    },
    {
      key: 'busiest',
      label: t('ridership.busiest'),
      value: (r) => r.busiest?.riders,
      text: (r) => (r.busiest ? whole(r.busiest.riders) : '—'),
      detail: (r) => r.busiest && `${stationName(r.busiest.from)} → ${stationName(r.busiest.to)}`,
    },
  ];
  const s = sort.value ?? { key: withScenario ? 'change' : 'before', descending: true };
  const sorted = sortRows(rows, s.key, s.descending, nameOf);
  const toggle = (key: SortKey) => {
    sort.value = s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'name' };
  };
  const ariaSort = (key: SortKey) =>
    s.key === key ? (s.descending ? 'descending' : 'ascending') : undefined;
  return (
    <table class="line-table" data-testid="ridership-lines">
      <thead>
        <tr>
          <th scope="col" aria-sort={ariaSort('name')}>
            <button
              type="button"
              class="sort"
              data-testid="ridership-sort-name"
              onClick={() => toggle('name')}
            >
              {t('ridership.line')}
            </button>
          </th>
          {columns.map((c) => (
            <th key={c.key} scope="col" aria-sort={ariaSort(c.key)}>
              <button
                type="button"
                class="sort"
                data-testid={`ridership-sort-${c.key}`}
                onClick={() => toggle(c.key)}
              >
                {c.label}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr
            key={r.line.line}
            data-line={r.line.line}
            class={r.line.line === chosen ? 'chosen' : undefined}
            aria-selected={r.line.line === chosen}
          >
            <th scope="row">
              <span class="chip" style={{ background: r.line.color }} aria-hidden="true" />
              <button type="button" class="link" onClick={() => onChoose(r.line.line)}>
                {nameOf(r)}
              </button>
            </th>
            {columns.map((c) => {
              const v = c.value(r);
              return (
                <td
                  key={c.key}
                  data-key={c.key}
                  data-value={v ?? ''}
                  class={c.change && v ? (v > 0 ? 'good' : 'bad') : undefined}
                >
                  {c.text(r)}
                  {c.detail?.(r) && <small>{c.detail(r)}</small>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
