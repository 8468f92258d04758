import { describe, expect, it } from 'vitest';
import { weightedMedian } from './patterns';

describe('weightedMedian', () => {
  it('is the usual median for unit weights', () => {
    expect(
      weightedMedian([
        [3, 1],
        [1, 1],
        [2, 1],
      ]),
    ).toBe(2);
    expect(
      weightedMedian([
        [4, 1],
        [1, 1],
        [2, 1],
        [3, 1],
      ]),
    ).toBe(2.5);
  });

  it('weighs a frequency template by the trips it implies', () => {
    // One template implying 6 trips at 120 s outweighs two single trips at 90 s.
    expect(
      weightedMedian([
        [90, 1],
        [90, 1],
        [120, 6],
      ]),
    ).toBe(120);
    expect(
      weightedMedian([
        [90, 3],
        [120, 3],
      ]),
    ).toBe(105);
    expect(
      weightedMedian([
        [90, 0],
        [120, 1.5],
      ]),
    ).toBe(120);
  });
});
