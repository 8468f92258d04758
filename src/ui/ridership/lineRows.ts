import type { LineFigures, LineReport } from '../../demand/report';

/** One line of the ridership table: boardings before, after and their change, and the side shown in full. */
export interface LineRow {
  line: LineReport;
  before: number | null;
  /** undefined without a scenario side. */
  after?: number | null;
  change?: number;
  /** Passenger-km and the busiest section of the scenario's side (the baseline's without a scenario). */
  passengerKm: number | null;
  busiest: LineFigures['maxSection'] | undefined;
}

export function lineRows(lines: readonly LineReport[]): LineRow[] {
  return lines.map((l) => {
    const withScenario = l.scenario !== undefined;
    const shown = withScenario ? l.scenario : l.baseline;
    const row: LineRow = {
      line: l,
      before: l.baseline?.boardings ?? null,
      passengerKm: shown?.passengerKm ?? null,
      busiest: shown?.maxSection,
    };
    if (withScenario) {
      row.after = l.scenario?.boardings ?? null;
      row.change = (l.scenario?.boardings ?? 0) - (l.baseline?.boardings ?? 0);
    }
    return row;
  });
}

/**
 * The line a planner asks about first: the scenario's new line with the most riders; else the line whose
 * boardings change most; without a scenario, the busiest. Undefined when no line has riders.
 */
export function featuredLine(rows: readonly LineRow[]): string | undefined {
  const best = (score: (r: LineRow) => number) =>
    rows.reduce<LineRow | undefined>((a, r) => (score(r) > (a ? score(a) : 0) ? r : a), undefined);
  const added = best((r) => (r.before === null && r.after ? r.after : 0));
  const changed = best((r) => Math.abs(r.change ?? 0));
  const busiest = best((r) => r.before ?? 0);
  return (added ?? changed ?? busiest)?.line.line;
}

export type SortKey = 'name' | 'before' | 'after' | 'change' | 'passengerKm' | 'busiest';

/** Rows sorted by a column: numbers, or names in `nameOf`'s language; missing figures last either way. */
export function sortRows(
  rows: readonly LineRow[],
  key: SortKey,
  descending: boolean,
  nameOf: (r: LineRow) => string,
): LineRow[] {
  const value = (r: LineRow) => (key === 'busiest' ? r.busiest?.riders : key === 'name' ? 0 : r[key]) ?? null;
  return [...rows].sort((a, b) => {
    if (key === 'name') return (descending ? -1 : 1) * nameOf(a).localeCompare(nameOf(b));
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return descending ? y - x : x - y;
  });
}
