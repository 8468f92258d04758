import type { LayerId } from './layer';
import type { LocalizedName } from './names';
import type { Seconds } from './units';

export type Direction = 0 | 1;

/** Headway in seconds per analysis period id; a period that is absent has no service. */
export type Headways = Record<string, Seconds>;

/**
 * One stopping pattern of a line in one direction: the ordered stops trains call at, with the run time
 * between consecutive stops and the dwell at each stop.
 */
export interface ServicePattern {
  id: string;
  direction: Direction;
  /** "Towards …" as riders read it; defaults to the last stop's name. */
  headsign?: LocalizedName;
  stops: string[];
  /** Run time stop k → k+1 (length stops−1), or for a loop stop k → k+1 mod n (length stops). */
  runSeconds: Seconds[];
  /** Dwell at each stop (length stops); riders staying on board through a stop pay only this. */
  dwellSeconds: Seconds[];
  headways: Headways;
  /** Trains run round and round: the last stop is followed by the first. */
  loop?: boolean;
  /**
   * Through services: from stop index `fromStop` on, riders see this train as `line` in `direction` (they
   * board it at that line's platforms and change to and from it by that line's transfer times).
   */
  servedAs?: ServedAs[];
}

export interface ServedAs {
  fromStop: number;
  line: string;
  direction: Direction;
}

export interface Line {
  id: string;
  name: LocalizedName;
  layer: LayerId;
  /** "#RRGGBB". */
  color: string;
  /** Names of direction 0 and 1, e.g. eastbound / westbound. */
  directionNames?: [LocalizedName, LocalizedName];
  patterns: ServicePattern[];
  source?: string;
}

/** Ride time of pattern `p` from stop index `i` to stop index `j` (j > i, or any j ≠ i on a loop). */
export function patternRideSeconds(p: ServicePattern, i: number, j: number): Seconds {
  const n = p.stops.length;
  let t = 0;
  let k = i;
  const end = p.loop && j <= i ? j + n : j;
  for (let step = i; step < end; step++) {
    k = step % n;
    if (step > i) t += p.dwellSeconds[k]!;
    t += p.runSeconds[k]!;
  }
  return t;
}
