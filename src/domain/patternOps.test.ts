import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { line, pattern } from '../../test/support/fixtures';
import { type Line, patternRideSeconds, type ServicePattern } from './line';
import {
  endServiceAs,
  frequency,
  referencePattern,
  removeStopAt,
  reversePattern,
  servedAt,
  shiftServedAs,
  skipStopPattern,
  subsequenceIndices,
} from './patternOps';

/** A loop A → B → C → D → A: runs 10, 20, 30, 40 (the last back to A), dwells 1, 2, 3, 4. */
const loop: ServicePattern = {
  id: 'ring',
  direction: 0,
  stops: ['A', 'B', 'C', 'D'],
  runSeconds: [10, 20, 30, 40],
  dwellSeconds: [1, 2, 3, 4],
  headways: { 'am-peak': 300 },
  loop: true,
};
/** A → B → C → D → E: runs 100, 200, 300, 400, dwells 0, 10, 20, 30, 0. */
const straight: ServicePattern = {
  ...pattern('all', 0, ['A', 'B', 'C', 'D', 'E'], [100, 200, 300, 400], 300),
  dwellSeconds: [0, 10, 20, 30, 0],
};

const arbPattern = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    isLoop: fc.boolean(),
    runs: fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 8, maxLength: 8 }),
    dwells: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ n, isLoop, runs, dwells }): ServicePattern => {
    const isRing = isLoop && n >= 3;
    return {
      id: 'p',
      direction: 0,
      stops: Array.from({ length: n }, (_, k) => `s${k}`),
      runSeconds: runs.slice(0, isRing ? n : n - 1),
      dwellSeconds: dwells.slice(0, n),
      headways: { 'am-peak': 600 },
      ...(isRing && { loop: true }),
    };
  });

/** Ride times between every pair of stations a rider can ride between, keyed "from→to". */
function rides(p: ServicePattern): Map<string, number> {
  const out = new Map<string, number>();
  const n = p.stops.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || (!p.loop && j < i)) continue;
      out.set(`${p.stops[i]}→${p.stops[j]}`, patternRideSeconds(p, i, j));
    }
  }
  return out;
}

describe('patternRideSeconds', () => {
  it('runs plus the dwells of the stops passed; round the loop past the first stop', () => {
    expect(patternRideSeconds(straight, 0, 4)).toBe(100 + 10 + 200 + 20 + 300 + 30 + 400);
    expect(patternRideSeconds(straight, 1, 2)).toBe(200);
    expect(patternRideSeconds(loop, 2, 1)).toBe(30 + 4 + 40 + 1 + 10); // C → D → A → B
  });
});

describe('reversePattern', () => {
  it('a line: stops, runs and dwells reversed, the new id and direction, no headsign or servedAs', () => {
    const p = {
      ...straight,
      headsign: { en: 'E' },
      servedAs: [{ fromStop: 2, line: 'X', direction: 0 as const }],
    };
    expect(reversePattern(p, 'back', 1)).toEqual({
      ...straight,
      id: 'back',
      direction: 1,
      headsign: undefined,
      servedAs: undefined,
      stops: ['E', 'D', 'C', 'B', 'A'],
      runSeconds: [400, 300, 200, 100],
      dwellSeconds: [0, 30, 20, 10, 0],
    });
  });

  it('a loop: the run from each stop to the next of the reversed order is the original run between them', () => {
    const r = reversePattern(loop, 'ring', 1);
    expect(r.stops).toEqual(['D', 'C', 'B', 'A']);
    // D→C was C→D (30), C→B was B→C (20), B→A was A→B (10), A→D (round) was D→A (40)
    expect(r.runSeconds).toEqual([30, 20, 10, 40]);
    expect(r.dwellSeconds).toEqual([4, 3, 2, 1]);
  });

  it('every ride the other way takes as long; twice reversed is the pattern (property)', () => {
    fc.assert(
      fc.property(arbPattern, (p) => {
        const r = reversePattern(p, p.id, 1);
        const there = rides(p);
        for (const [key, seconds] of rides(r)) {
          const [from, to] = key.split('→');
          expect(seconds, key).toBe(there.get(`${to}→${from}`));
        }
        const back = reversePattern(r, p.id, 0);
        expect([back.stops, back.runSeconds, back.dwellSeconds]).toEqual([
          p.stops,
          p.runSeconds,
          p.dwellSeconds,
        ]);
      }),
      { seed: 51, numRuns: 300 },
    );
  });
});

describe('removeStopAt', () => {
  it('a middle stop: the two runs merge minus the stop loss, the dwell goes', () => {
    expect(removeStopAt(straight, 2, 50)).toMatchObject({
      stops: ['A', 'B', 'D', 'E'],
      runSeconds: [100, 450, 400],
      dwellSeconds: [0, 10, 30, 0],
    });
  });

  it('never saves more than half the run through the stop', () => {
    expect(removeStopAt(straight, 1, 1000).runSeconds).toEqual([150, 300, 400]);
  });

  it('a terminus drops its run; on a loop the runs either side merge, also across the first stop', () => {
    expect(removeStopAt(straight, 0, 50)).toMatchObject({
      stops: ['B', 'C', 'D', 'E'],
      runSeconds: [200, 300, 400],
    });
    expect(removeStopAt(straight, 4, 50)).toMatchObject({
      stops: ['A', 'B', 'C', 'D'],
      runSeconds: [100, 200, 300],
    });
    expect(removeStopAt(loop, 0, 5)).toMatchObject({
      stops: ['B', 'C', 'D'],
      runSeconds: [20, 30, 45],
      dwellSeconds: [2, 3, 4],
      loop: true,
    });
    expect(removeStopAt(loop, 2, 5)).toMatchObject({
      stops: ['A', 'B', 'D'],
      runSeconds: [10, 45, 40],
      dwellSeconds: [1, 2, 4],
    });
  });

  it('servedAs boundaries after the stop move back with it', () => {
    const p = {
      ...straight,
      servedAs: [
        { fromStop: 1, line: 'X', direction: 0 as const },
        { fromStop: 3, line: 'Y', direction: 1 as const },
      ],
    };
    expect(removeStopAt(p, 2, 0).servedAs).toEqual([
      { fromStop: 1, line: 'X', direction: 0 },
      { fromStop: 2, line: 'Y', direction: 1 },
    ]);
  });

  it('rides that do not pass the stop are unchanged; those through it save its dwell and the loss (property)', () => {
    fc.assert(
      fc.property(arbPattern, fc.nat(), fc.integer({ min: 0, max: 200 }), (p, pick, loss) => {
        fc.pre(p.stops.length >= 3);
        const k = pick % p.stops.length;
        const q = removeStopAt(p, k, loss);
        const before = rides(p);
        const gone = p.stops[k]!;
        for (const [key, seconds] of rides(q)) {
          const [from, to] = key.split('→') as [string, string];
          const i = p.stops.indexOf(from);
          const j = p.stops.indexOf(to);
          const passes = p.loop
            ? (k - i + p.stops.length) % p.stops.length < (j - i + p.stops.length) % p.stops.length
            : i < k && k < j;
          if (!passes) expect(seconds, key).toBe(before.get(key));
          else {
            const through = p.runSeconds[(k - 1 + p.stops.length) % p.stops.length]! + p.runSeconds[k]!;
            const saved = p.dwellSeconds[k]! + Math.min(loss, through / 2);
            expect(seconds, `${key} through ${gone}`).toBeCloseTo(before.get(key)! - saved, 9);
          }
        }
      }),
      { seed: 52, numRuns: 300 },
    );
  });
});

describe('skipStopPattern and subsequenceIndices', () => {
  it('an express over base stops: summed runs minus the loss of each passed stop, dwells of the kept stops', () => {
    const express = skipStopPattern(straight, [0, 2, 4], 40, {
      id: 'exp',
      direction: 0,
      headways: { 'am-peak': 900 },
    });
    expect(express).toEqual({
      id: 'exp',
      direction: 0,
      headways: { 'am-peak': 900 },
      stops: ['A', 'C', 'E'],
      runSeconds: [300 - 40, 700 - 40],
      dwellSeconds: [0, 20, 0],
    });
    expect(skipStopPattern(straight, [0, 4], 1000, express).runSeconds).toEqual([500]); // at most half saved
    expect(skipStopPattern(straight, [0, 1, 2, 3, 4], 40, express).runSeconds).toEqual(straight.runSeconds);
  });

  it('finds a subsequence in order, or nothing', () => {
    expect(subsequenceIndices(straight, ['B', 'D', 'E'])).toEqual([1, 3, 4]);
    expect(subsequenceIndices(straight, ['D', 'B'])).toBeUndefined();
    expect(subsequenceIndices(straight, ['B', 'Q'])).toBeUndefined();
    expect(subsequenceIndices(loop, ['C', 'A'])).toBeUndefined(); // loops are not matched round the end
  });
});

describe('line-level helpers', () => {
  const l: Line = {
    ...line('L', 'metro', ['A', 'B', 'C'], [60, 60], 300),
    patterns: [
      pattern('short', 0, ['A', 'B'], [60], 600),
      pattern('all', 1, ['C', 'B', 'A'], [60, 60], 300),
      pattern('all', 0, ['A', 'B', 'C'], [60, 60], 300),
      pattern('alt', 0, ['A', 'X', 'C'], [60, 60], 300),
    ],
  };

  it('referencePattern: the longest of the direction, the first on ties', () => {
    expect(referencePattern(l)!.id).toBe('all');
    expect(referencePattern(l, 1)!.stops).toEqual(['C', 'B', 'A']);
    expect(referencePattern({ ...l, patterns: [] })).toBeUndefined();
  });

  it('servedAt: the line-direction riders see at each stop', () => {
    const p = {
      ...straight,
      servedAs: [
        { fromStop: 2, line: 'X', direction: 1 as const },
        { fromStop: 4, line: 'Y', direction: 0 as const },
      ],
    };
    expect([0, 1, 2, 3, 4].map((k) => servedAt(l, p, k))).toEqual([
      { line: 'L', direction: 0 },
      { line: 'L', direction: 0 },
      { line: 'X', direction: 1 },
      { line: 'X', direction: 1 },
      { line: 'Y', direction: 0 },
    ]);
  });

  it('shiftServedAs and frequency', () => {
    const s = [{ fromStop: 2, line: 'X', direction: 0 as const }];
    expect(shiftServedAs(s, 2, 3)).toEqual([{ fromStop: 5, line: 'X', direction: 0 }]); // inserted before it
    expect(shiftServedAs(s, 2, -1)).toEqual(s); // its own stop removed: the next stop, now at index 2, starts it
    expect(shiftServedAs(s, 1, -1)).toEqual([{ fromStop: 1, line: 'X', direction: 0 }]); // a stop before it removed
    expect(shiftServedAs(undefined, 0, 1)).toBeUndefined();
    expect([frequency(300), frequency(undefined), frequency(0)]).toEqual([1 / 300, 0, 0]);
  });

  it('endServiceAs: trains that ran on as a line that is gone end there, in turn for lines it empties', () => {
    // P runs X → A, then on as Q to B; Q's only pattern runs on as G (gone) from its first stop.
    const P: Line = {
      ...line('P', 'metro', ['X', 'A'], [60], 300),
      patterns: [
        {
          ...pattern('p', 0, ['X', 'A', 'B'], [60, 60], 300),
          servedAs: [{ fromStop: 1, line: 'Q', direction: 0 }],
        },
      ],
    };
    const Q: Line = {
      ...line('Q', 'metro', ['A', 'B'], [60], 300),
      patterns: [
        { ...pattern('q', 0, ['A', 'B'], [60], 300), servedAs: [{ fromStop: 0, line: 'G', direction: 0 }] },
      ],
    };
    const R = line('R', 'metro', ['A', 'B'], [60], 300);
    expect(endServiceAs([P, Q, R], ['G'])).toEqual([
      { ...P, patterns: [{ ...pattern('p', 0, ['X', 'A'], [60], 300), dwellSeconds: [0, 0] }] },
      R,
    ]);
    expect(endServiceAs([R], ['G'])[0]).toBe(R);
  });
});
