import { nameIn } from '../../domain/names';
import { signed, whole } from '../format';
import { t } from '../i18n';
import { FigureCell, SortHeading, useSort } from '../panels/sortable';
import { lang } from '../state/store';
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
      label: withScenario ? t('ridership.pkmAfter') : t('ridership.pkm'),
      value: (r) => r.passengerKm,
      text: (r) => whole(r.passengerKm),
    },
    {
      key: 'busiest',
      label: withScenario ? t('ridership.busiestAfter') : t('ridership.busiest'),
      value: (r) => r.busiest?.riders,
      text: (r) => (r.busiest ? whole(r.busiest.riders) : '—'),
      detail: (r) => r.busiest && `${stationName(r.busiest.from)} → ${stationName(r.busiest.to)}`,
    },
  ];
  const { sort, toggle, ariaSort } = useSort<SortKey>({
    key: withScenario ? 'change' : 'before',
    descending: true,
  });
  const sorted = sortRows(rows, sort.key, sort.descending, nameOf);
  return (
    <table class="line-table" data-testid="ridership-lines">
      <thead>
        <tr>
          <SortHeading
            label={t('ridership.line')}
            testid="ridership-sort-name"
            sorted={ariaSort('name')}
            onSort={() => toggle('name')}
          />
          {columns.map((c) => (
            <SortHeading
              key={c.key}
              label={c.label}
              testid={`ridership-sort-${c.key}`}
              sorted={ariaSort(c.key)}
              onSort={() => toggle(c.key)}
            />
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
                <FigureCell
                  key={c.key}
                  column={c.key}
                  value={v}
                  tone={c.change && v ? (v > 0 ? 'good' : 'bad') : undefined}
                >
                  {c.text(r)}
                  {c.detail?.(r) && <small>{c.detail(r)}</small>}
                </FigureCell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
