import type { LonLat } from './geo';
import { greatCircleMeters } from './geo';
import type { Direction, Line, ServedAs, ServicePattern } from './line';
import { travelSeconds } from './units';

/** The line's longest direction-0 pattern (first on ties): its stop order defines "the line". */
export function referencePattern(line: Line, direction: Direction = 0): ServicePattern | undefined {
  let best: ServicePattern | undefined;
  for (const p of line.patterns) {
    if (p.direction === direction && (!best || p.stops.length > best.stops.length)) best = p;
  }
  return best;
}

/** Line and direction riders see at stop index `k` of pattern `p` of `line`. */
export function servedAt(line: Line, p: ServicePattern, k: number): { line: string; direction: Direction } {
  let label: { line: string; direction: Direction } = { line: line.id, direction: p.direction };
  for (const s of p.servedAs ?? []) if (s.fromStop <= k) label = { line: s.line, direction: s.direction };
  return label;
}

/** Run times from positions: great-circle length × route factor at a running speed. */
export function runSecondsFromSpeed(coords: LonLat[], speedKmh: number, routeFactor: number): number[] {
  const runs: number[] = [];
  for (let k = 0; k + 1 < coords.length; k++) {
    runs.push(travelSeconds(greatCircleMeters(coords[k]!, coords[k + 1]!) * routeFactor, speedKmh));
  }
  return runs;
}

/** The same trains in the opposite direction: stops, runs and dwells reversed. */
export function reversePattern(p: ServicePattern, id: string, direction: Direction): ServicePattern {
  if (p.loop) {
    const n = p.stops.length;
    // Reversed loop: stop order reversed; the run k→k+1 of the reversed loop is the original (n-2-k)→(n-1-k).
    const runs = p.stops.map((_, k) => p.runSeconds[(2 * n - 2 - k) % n]!);
    return {
      ...p,
      id,
      direction,
      headsign: undefined,
      stops: [...p.stops].reverse(),
      runSeconds: runs,
      dwellSeconds: [...p.dwellSeconds].reverse(),
      servedAs: undefined,
    };
  }
  return {
    ...p,
    id,
    direction,
    headsign: undefined,
    stops: [...p.stops].reverse(),
    runSeconds: [...p.runSeconds].reverse(),
    dwellSeconds: [...p.dwellSeconds].reverse(),
    servedAs: undefined,
  };
}

/**
 * Remove stop `k`: trains pass through it. Passing saves the dwell and the stop loss (braking and
 * accelerating), never more than half the run through the closed stop. A removed terminus drops its run.
 */
export function removeStopAt(p: ServicePattern, k: number, stopLossSeconds: number): ServicePattern {
  const n = p.stops.length;
  const stops = p.stops.filter((_, i) => i !== k);
  const dwells = p.dwellSeconds.filter((_, i) => i !== k);
  let runs: number[];
  if (p.loop) {
    const prev = (k - 1 + n) % n;
    const through = p.runSeconds[prev]! + p.runSeconds[k]!;
    runs = p.runSeconds.map((r, i) => (i === prev ? Math.max(through - stopLossSeconds, through / 2) : r));
    runs.splice(k, 1);
  } else if (k === 0) {
    runs = p.runSeconds.slice(1);
  } else if (k === n - 1) {
    runs = p.runSeconds.slice(0, -1);
  } else {
    const through = p.runSeconds[k - 1]! + p.runSeconds[k]!;
    runs = [...p.runSeconds];
    runs.splice(k - 1, 2, Math.max(through - stopLossSeconds, through / 2));
  }
  return { ...p, stops, runSeconds: runs, dwellSeconds: dwells, servedAs: shiftServedAs(p.servedAs, k, -1) };
}

/** Insert `count` stops before index `at`: served-as boundaries after it move along. */
export function shiftServedAs(
  servedAs: ServedAs[] | undefined,
  at: number,
  count: number,
): ServedAs[] | undefined {
  if (!servedAs) return undefined;
  return servedAs.map((s) =>
    s.fromStop > at || (count > 0 && s.fromStop === at) ? { ...s, fromStop: s.fromStop + count } : s,
  );
}

/**
 * Indices of `stops` within `p`, in order, or undefined when `stops` is not a subsequence of `p`'s stops.
 * Loops are matched without wrapping.
 */
export function subsequenceIndices(p: ServicePattern, stops: readonly string[]): number[] | undefined {
  const out: number[] = [];
  let from = 0;
  for (const s of stops) {
    const k = p.stops.indexOf(s, from);
    if (k < 0) return undefined;
    out.push(k);
    from = k + 1;
  }
  return out;
}

/**
 * A skip-stop (express) or short-turn pattern on the tracks of `base`, calling at base stop indices
 * `keep`: each hop's run is the sum of the base runs it covers minus the stop loss of each passed stop.
 */
export function skipStopPattern(
  base: ServicePattern,
  keep: number[],
  stopLossSeconds: number,
  fields: Pick<ServicePattern, 'id' | 'direction' | 'headways'>,
): ServicePattern {
  const runs: number[] = [];
  for (let h = 0; h + 1 < keep.length; h++) {
    let sum = 0;
    for (let k = keep[h]!; k < keep[h + 1]!; k++) sum += base.runSeconds[k]!;
    const passed = keep[h + 1]! - keep[h]! - 1;
    runs.push(Math.max(sum - passed * stopLossSeconds, sum / 2));
  }
  return {
    ...fields,
    stops: keep.map((k) => base.stops[k]!),
    runSeconds: runs,
    dwellSeconds: keep.map((k) => base.dwellSeconds[k]!),
  };
}

/** Trains per second of a headway (0 when there is no service). */
export function frequency(headwaySeconds: number | undefined): number {
  return headwaySeconds && headwaySeconds > 0 ? 1 / headwaySeconds : 0;
}

/**
 * `lines` with no train left running as a line of `gone` (lines that no longer exist): a pattern that
 * runs on as one of them (servedAs, through-running) now ends at the stop where it would have become it.
 * Patterns left with fewer than two stops go, and lines left with no pattern, which ends the trains that
 * ran on as those in turn. Lines with no such pattern are returned as they are.
 */
export function endServiceAs(lines: readonly Line[], gone: Iterable<string>): Line[] {
  const missing = new Set(gone);
  let out = [...lines];
  for (let dropped = true; dropped; ) {
    dropped = false;
    out = out.flatMap((l) => {
      if (!l.patterns.some((p) => p.servedAs?.some((s) => missing.has(s.line)))) return [l];
      const patterns = l.patterns.flatMap((p) => endBefore(p, missing) ?? []);
      if (patterns.length > 0) return [{ ...l, patterns }];
      missing.add(l.id);
      dropped = true;
      return [];
    });
  }
  return out;
}

/** `p` ending at the stop where it would run on as a line of `missing`; undefined when under two stops. */
function endBefore(p: ServicePattern, missing: ReadonlySet<string>): ServicePattern | undefined {
  const k = p.servedAs?.findIndex((s) => missing.has(s.line)) ?? -1;
  if (k < 0) return p;
  const last = p.servedAs![k]!.fromStop;
  if (last < 1) return undefined;
  const { loop: _, servedAs: __, headsign: ___, ...rest } = p;
  const servedAs = p.servedAs!.slice(0, k);
  return {
    ...rest,
    stops: p.stops.slice(0, last + 1),
    runSeconds: p.runSeconds.slice(0, last),
    dwellSeconds: [...p.dwellSeconds.slice(0, last), 0],
    ...(servedAs.length > 0 && { servedAs }),
  };
}
