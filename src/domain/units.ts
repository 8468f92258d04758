/** All model times are seconds; distances metres; speeds km/h in files. */
export type Seconds = number;
export type Meters = number;

export const MINUTE: Seconds = 60;

export function minutes(m: number): Seconds {
  return m * MINUTE;
}

/** Seconds to travel `meters` at `kmh`. */
export function travelSeconds(meters: Meters, kmh: number): Seconds {
  return (meters / 1000 / kmh) * 3600;
}

/** "HH:MM" → seconds after midnight, or NaN when malformed. */
export function clockToSeconds(clock: string): Seconds {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (!m) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 48 && min < 60 ? h * 3600 + min * 60 : Number.NaN;
}
