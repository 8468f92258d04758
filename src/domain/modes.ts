/**
 * How a trip travels, as results report it: by rail (whatever the access), or else by its surface mode.
 * A mode's code is its index here (the engine keeps the same codes in engine/types.ts TRIP_MODE; the
 * metrics hold them equal at compile time).
 */
export const TRIP_MODES = ['walk', 'bike', 'bus', 'rail'] as const;
export type TripMode = (typeof TRIP_MODES)[number];

/** The code of "no trip": a zone with no path. */
export const NO_TRIP = 255;

/** The mode of a code, or null for no trip. */
export function tripModeOf(code: number): TripMode | null {
  return TRIP_MODES[code] ?? null;
}
