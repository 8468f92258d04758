import { describe, expect, it } from 'vitest';
import { NO_TRIP } from '../domain/modes';
import { regionFigures } from './regions';

describe('region figures', () => {
  it('mean over people with a path, who has none, by mode, and the distribution of times', () => {
    // Zones: 100 people 20 min by bike, 300 at 50 min by rail, 600 at 130 min by bus, 50 with no path; the
    // last zone (1000 people, 10 min) is outside the region.
    const t = {
      timeToCore: Float64Array.from([20, 50, 130, Number.POSITIVE_INFINITY, 10], (m) => m * 60),
      modeToCore: Uint8Array.from([1, 3, 2, NO_TRIP, 0]),
      meanTimeToJobs: new Float64Array(5),
      jobsWithin: [],
    };
    const f = regionFigures(t, Float64Array.from([100, 300, 600, 50, 1000]), [0, 1, 2, 3]);
    // Mean: (100 × 20 + 300 × 50 + 600 × 130) / 1000 = 95 min.
    expect(f).toEqual({
      population: 1050,
      meanTimeToCore: 95 * 60,
      withoutPath: 50,
      byMode: [0, 100, 600, 300],
      distribution: [100, 0, 300, 0, 0, 600],
    });
  });
});
