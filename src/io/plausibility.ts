import { greatCircleMeters, type LonLat } from '../domain/geo';

/**
 * Geographic plausibility of a timetable: stations placed where their run times say. No train runs faster
 * than 600 km/h (the fastest maglev). The straight line between two stations is shorter than any track,
 * and timetables round to the minute (a 0-s run is raised to 1 s), so a hop is implausible only when the
 * straight-line distance over (run + 60 s) is faster than that: a station moved a country away, or a run
 * time in the wrong unit — never a late train or a winding track.
 */
export const MAX_PLAUSIBLE_KMH = 600;
export const RUN_SLACK_SECONDS = 60;

/** The speed a hop implies, km/h, with the slack above. */
export function impliedKmh(from: LonLat, to: LonLat, runSeconds: number): number {
  return (greatCircleMeters(from, to) / (runSeconds + RUN_SLACK_SECONDS)) * 3.6;
}

export function isPlausibleHop(from: LonLat, to: LonLat, runSeconds: number): boolean {
  return impliedKmh(from, to, runSeconds) <= MAX_PLAUSIBLE_KMH;
}

/** "15,234 km" or "850 m". */
export function distanceText(metres: number): string {
  return metres >= 10_000
    ? `${Math.round(metres / 1000).toLocaleString('en')} km`
    : `${Math.round(metres)} m`;
}

/** The message for an implausible hop between `a` and `b`. */
export function implausibleHopText(
  a: { id: string; coord: LonLat },
  b: { id: string; coord: LonLat },
  run: number,
): string {
  const d = greatCircleMeters(a.coord, b.coord);
  const kmh = Math.round(impliedKmh(a.coord, b.coord, run));
  return `"${a.id}" and "${b.id}" are ${distanceText(d)} apart in a straight line, yet the run takes ${run} s: ${kmh.toLocaleString('en')} km/h even with a minute's slack, and no train runs faster than ${MAX_PLAUSIBLE_KMH} km/h. A station position or this run time is wrong`;
}
