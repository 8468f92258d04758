/**
 * The load bands on the map, from three hand-made segments:
 *   s0: 100 → 120 (+20)    s1: 70 → 0 (−70)    s2: not run → 40 (+40, a new line)
 * Full width (14 px) stands for the most riders on either side, 120, and on the difference map for the
 * largest change, 70; a band is 0.75 px + 13.25 px × value ÷ that: s0 before 0.75 + 13.25 × 100/120.
 */
import { describe, expect, it } from 'vitest';
import type { LineLoad } from '../../io/lineLoads';
import { GAIN, LOSS, loadFeatures, loadScale, loadValue, MAX_WIDTH, MIN_WIDTH } from './loadFeatures';

const stop = (id: string, x: number) => ({
  id,
  name: { en: id },
  coord: [x, 0] as [number, number],
  layer: 'metro' as const,
});
const load = (baseline: number | null, scenario: number | null | undefined, color = '#123456'): LineLoad => ({
  line: 'L',
  name: { en: 'L' },
  layer: 'metro',
  color,
  direction: 0,
  from: stop('a', 0),
  to: stop('b', 1),
  km: 1,
  baseline,
  ...(scenario !== undefined && { scenario }),
});
const loads = [load(100, 120), load(70, 0), load(null, 40)];
const width = (v: number, ref: number) => MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * v) / ref;

describe('load bands', () => {
  it('scales to the busiest segment of either side, and to the largest change', () => {
    expect(loadScale(loads)).toEqual({ riders: 120, change: 70 });
  });

  it('draws riders before and after, leaving out segments a side does not run', () => {
    const before = loadFeatures(loads, 'before').features.map((f) => f.properties);
    expect(before.map((p) => [p.i, p.v, p.c])).toEqual([
      [0, 100, '#123456'],
      [1, 70, '#123456'],
    ]);
    expect(before[0]!.w).toBeCloseTo(width(100, 120), 12);
    const after = loadFeatures(loads, 'after').features.map((f) => f.properties);
    expect(after.map((p) => [p.i, p.v])).toEqual([
      [0, 120],
      [1, 0],
      [2, 40],
    ]);
    expect(after[0]!.w).toBe(MAX_WIDTH);
    expect(after[1]!.w).toBe(MIN_WIDTH);
  });

  it('draws the change as gain or loss, scaled to the largest change', () => {
    const diff = loadFeatures(loads, 'difference').features.map((f) => f.properties);
    expect(diff.map((p) => [p.v, p.c])).toEqual([
      [20, GAIN],
      [-70, LOSS],
      [40, GAIN],
    ]);
    expect(diff[1]!.w).toBe(MAX_WIDTH);
    expect(diff[2]!.w).toBeCloseTo(width(40, 70), 12);
  });

  it('without a scenario side, after is the baseline and nothing changes', () => {
    const only = [load(30, undefined)];
    expect(loadValue(only[0]!, 'after')).toBe(30);
    expect(loadValue(only[0]!, 'difference')).toBe(0);
    expect(loadFeatures(only, 'difference').features[0]!.properties.w).toBe(MIN_WIDTH);
  });
});
