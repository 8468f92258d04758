import { describe, expect, it } from 'vitest';
import { TRIP_MODE } from '../engine/types';
import { NO_TRIP, TRIP_MODES, tripModeOf } from './modes';

describe('trip modes', () => {
  it('the engine codes a mode as its index in TRIP_MODES, and no trip as NO_TRIP', () => {
    expect(Object.fromEntries(TRIP_MODES.map((m, k) => [m, k]))).toEqual({
      walk: TRIP_MODE.walk,
      bike: TRIP_MODE.bike,
      bus: TRIP_MODE.bus,
      rail: TRIP_MODE.rail,
    });
    expect(TRIP_MODE.none).toBe(NO_TRIP);
    expect(tripModeOf(TRIP_MODE.bus)).toBe('bus');
    expect(tripModeOf(NO_TRIP)).toBeNull();
  });
});
