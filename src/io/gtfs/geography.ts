import { greatCircleMeters, type LonLat } from '../../domain/geo';
import { distanceText, implausibleHopText, isPlausibleHop } from '../plausibility';
import { DAY_SECONDS, MAX_DWELL_SECONDS } from '../schema/common';
import { formatClock } from './fields';
import { feedPath, type IssueLog } from './issues';
import type { StopTable } from './stops';

/**
 * A stop is stray when it lies farther from the middle of the feed's stops than both 100 km and ten times
 * the distance within which 95 % of them lie: a city feed's stops lie within tens of kilometres, so one
 * a continent away (a sign lost, latitude and longitude swapped) cannot be right; a national feed's
 * spread sets its own, wider, bound.
 */
export const STRAY_MIN_METRES = 100_000;
export const STRAY_FACTOR = 10;

/**
 * The stray stops and stations of a feed, each an error at its stops.txt row. Trips calling there are
 * dropped (they would place a station, its zones and its runs a continent away).
 */
export function findStrays(stops: StopTable, log: IssueLog): Set<number> {
  const located: { k: number; coord: LonLat }[] = [];
  stops.stops.forEach((s, k) => {
    if (s.coord && s.type <= 1) located.push({ k, coord: s.coord });
  });
  const strays = new Set<number>();
  if (located.length < 3) return strays;
  const centre = middleOf(located.map((l) => l.coord));
  const distance = located.map((l) => greatCircleMeters(centre, l.coord));
  const sorted = [...distance].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))]!;
  const limit = Math.max(STRAY_MIN_METRES, STRAY_FACTOR * p95);
  located.forEach(({ k }, i) => {
    if (distance[i]! <= limit) return;
    strays.add(k);
    const s = stops.stops[k]!;
    log.error(
      feedPath('stops.txt', s.line, 'stop_lat'),
      `stop "${s.id}" is ${distanceText(distance[i]!)} from the middle of the feed's stops, 95 % of which lie within ${distanceText(p95)}: its position is probably wrong (a sign lost? latitude and longitude swapped?); trips calling here are dropped`,
    );
  });
  return strays;
}

/** Component-wise median, longitudes taken around the first point so a feed across ±180° stays whole. */
function middleOf(coords: readonly LonLat[]): LonLat {
  const ref = coords[0]![0];
  const wrap = (lon: number) => ((((lon - ref + 540) % 360) + 360) % 360) - 180;
  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor((s.length - 1) / 2)]!;
  };
  const lon = median(coords.map((c) => wrap(c[0]))) + ref;
  return [((((lon + 180) % 360) + 360) % 360) - 180, median(coords.map((c) => c[1]))];
}

/** One call of a trip at a station, with where it is and the stop_times row it came from. */
export interface PlacedCall {
  station: number;
  arrival: number;
  departure: number;
  coord: LonLat;
  /** stop_times.txt line of the call. */
  line: number;
}

interface Finding {
  path: string;
  text: string;
  trips: number;
  firstTrip: string;
}

/**
 * Times that cannot be true of a train: a hop faster than any train between the stations' positions
 * (io/plausibility.ts: straight line over run + 60 s beyond 600 km/h), a run longer than a day, a stand
 * longer than 2 h (a layover, not a stop). A trip with one is dropped; each finding is one warning with
 * its first row and the number of trips, whatever their number.
 */
export class TripPlausibility {
  private readonly findings = new Map<string, Finding>();
  tripsDropped = 0;

  constructor(private readonly stationId: (station: number) => string) {}

  /** Whether the trip's calls are plausible; if not, the trip is counted and the problem recorded. */
  check(tripId: string, calls: readonly PlacedCall[]): boolean {
    for (let k = 0; k < calls.length; k++) {
      const c = calls[k]!;
      const stand = c.departure - c.arrival;
      if (stand > MAX_DWELL_SECONDS) {
        this.record(
          `dwell ${c.station}`,
          feedPath('stop_times.txt', c.line, 'departure_time'),
          tripId,
          () =>
            `trains stand ${formatClock(stand)} at "${this.stationId(c.station)}" (arriving ${formatClock(c.arrival)}): a layover, not a stop (the model takes at most 2 h)`,
        );
        return false;
      }
      const next = calls[k + 1];
      if (!next) break;
      const run = next.arrival - c.departure;
      const a = { id: this.stationId(c.station), coord: c.coord };
      const b = { id: this.stationId(next.station), coord: next.coord };
      if (run > DAY_SECONDS) {
        this.record(
          `run ${c.station} ${next.station}`,
          feedPath('stop_times.txt', next.line, 'arrival_time'),
          tripId,
          () => `the run from "${a.id}" to "${b.id}" takes ${formatClock(run)}, more than a day`,
        );
        return false;
      }
      if (!isPlausibleHop(c.coord, next.coord, run)) {
        this.record(
          `hop ${c.station} ${next.station}`,
          feedPath('stop_times.txt', next.line, 'arrival_time'),
          tripId,
          () => implausibleHopText(a, b, run),
        );
        return false;
      }
    }
    return true;
  }

  private record(key: string, path: string, tripId: string, text: () => string): void {
    this.tripsDropped++;
    const found = this.findings.get(key);
    if (found) found.trips++;
    else this.findings.set(key, { path, text: text(), trips: 1, firstTrip: tripId });
  }

  /** One warning per finding. */
  report(log: IssueLog): void {
    for (const f of this.findings.values()) {
      log.warn(
        f.path,
        `${f.text}; ${f.trips === 1 ? `trip "${f.firstTrip}" is` : `${f.trips} trips (the first "${f.firstTrip}") are`} dropped`,
      );
    }
  }
}
