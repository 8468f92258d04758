import { describe, expect, it } from 'vitest';
import type { LineReport } from '../../demand/report';
import { featuredLine, lineRows, sortRows } from './lineRows';

const figures = (boardings: number, from = 'a') => ({
  boardings,
  passengerKm: boardings * 3,
  maxSectionLoad: boardings / 2,
  maxSection: { direction: 0 as const, from, to: 'b', riders: boardings / 2 },
});
const line = (id: string, baseline: number | null, scenario?: number | null): LineReport => ({
  line: id,
  name: { en: id },
  layer: 'metro',
  color: '#000',
  baseline: baseline === null ? null : figures(baseline),
  ...(scenario !== undefined && { scenario: scenario === null ? null : figures(scenario, 'c') }),
  segments: { baseline: [] },
});

describe('the ridership table', () => {
  const rows = lineRows([line('A', 500, 450), line('B', 200, 260), line('N', null, 90), line('R', 40, null)]);

  it('has boardings before, after and the change (a new line gains all, a removed one loses all)', () => {
    expect(rows.map((r) => [r.line.line, r.before, r.after, r.change])).toEqual([
      ['A', 500, 450, -50],
      ['B', 200, 260, 60],
      ['N', null, 90, 90],
      ['R', 40, null, -40],
    ]);
    // Passenger-km and the busiest section of the scenario's side.
    expect(rows[1]!.passengerKm).toBe(780);
    expect(rows[1]!.busiest).toEqual({ direction: 0, from: 'c', to: 'b', riders: 130 });
    expect(rows[3]!.passengerKm).toBeNull();
  });

  it('features the new line; else the line that changes most; else the busiest', () => {
    expect(featuredLine(rows)).toBe('N');
    expect(featuredLine(rows.filter((r) => r.line.line !== 'N'))).toBe('B');
    expect(featuredLine(lineRows([line('A', 500), line('B', 700)]))).toBe('B');
    expect(featuredLine([])).toBeUndefined();
  });

  it('sorts by any column, missing figures last either way', () => {
    const ids = (key: Parameters<typeof sortRows>[1], descending: boolean) =>
      sortRows(rows, key, descending, (r) => r.line.line).map((r) => r.line.line);
    expect(ids('change', true)).toEqual(['N', 'B', 'R', 'A']);
    expect(ids('before', true)).toEqual(['A', 'B', 'R', 'N']);
    expect(ids('before', false)).toEqual(['R', 'B', 'A', 'N']);
    expect(ids('after', false)).toEqual(['N', 'B', 'A', 'R']);
    expect(ids('name', true)).toEqual(['R', 'N', 'B', 'A']);
  });
});
