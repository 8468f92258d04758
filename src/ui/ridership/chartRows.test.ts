import { describe, expect, it } from 'vitest';
import { commuteBandChanges, commuteBandRows, sourceRows } from './chartRows';

describe('ridership chart rows', () => {
  it('lists sources largest first', () => {
    const rows = sourceRows({ walk: 1, bike: 5, bus: 30, rail: 77, car: 24, newPairs: 0 });
    expect(rows.map((r) => r.source)).toEqual(['rail', 'bus', 'car', 'bike', 'walk', 'newPairs']);
  });

  it('has a bar per band and side, the last band open', () => {
    const h = (commuters: number[]) => ({ histogram: { bandMinutes: 10, commuters } });
    const rows = commuteBandRows(
      { baseline: h([5, 3, 1]), scenario: h([6, 2, 1]) },
      { before: 'B', after: 'A' },
    );
    expect(rows.map((r) => `${r.which} ${r.band} ${r.commuters}`)).toEqual([
      'B 0–10 5',
      'B 10–20 3',
      'B ≥ 20 1',
      'A 0–10 6',
      'A 10–20 2',
      'A ≥ 20 1',
    ]);
  });

  it('gives the change per band, after − before, which sums to the change in commuters', () => {
    const h = (commuters: number[]) => ({ histogram: { bandMinutes: 10, commuters } });
    const report = { baseline: h([5, 3, 1]), scenario: h([6, 2, 1]) };
    // A commuter moved from 10–20 to 0–10: +1 there, −1 here; the open band unchanged.
    expect(commuteBandChanges(report).map((r) => `${r.band} ${r.change}`)).toEqual([
      '0–10 1',
      '10–20 -1',
      '≥ 20 0',
    ]);
    expect(commuteBandChanges(report).reduce((s, r) => s + r.change, 0)).toBe(0);
    expect(commuteBandChanges({ baseline: h([5, 3, 1]) })).toEqual([]);
  });
});
