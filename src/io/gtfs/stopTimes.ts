import type { Row, TableSpec } from './fields';
import { feedPath, type IssueLog } from './issues';
import type { StopTable } from './stops';
import type { TripTable } from './trips';

/** Growable Int32Array: stop_times of a large feed are held as numbers, not row objects. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** No time given (a stop between timepoints). */
export const NO_TIME = -1;
/** Flags: riders cannot board / cannot alight. */
export const NO_PICKUP = 1;
export const NO_DROP_OFF = 2;

/**
 * stop_times.txt, kept only for the trips the import needs (`wanted`); the other rows are checked and
 * counted, not stored. Needs trips.txt and stops.txt read first.
 */
export class StopTimeTable {
  readonly trip = new IntColumn();
  readonly seq = new IntColumn();
  readonly arrival = new IntColumn();
  readonly departure = new IntColumn();
  readonly stop = new IntColumn();
  readonly line = new IntColumn();
  readonly flags = new IntColumn();
  private notAtStop = 0;
  private notAtStopLine = 0;

  constructor(
    private readonly trips: TripTable,
    private readonly stops: StopTable,
    private readonly wanted: Uint8Array,
    private readonly log: IssueLog,
  ) {}

  get length(): number {
    return this.trip.length;
  }

  readonly spec: TableSpec = {
    file: 'stop_times.txt',
    // Times may be empty between timepoints, but the columns must be there (first and last stops need them).
    required: ['trip_id', 'stop_id', 'stop_sequence', 'arrival_time', 'departure_time'],
    optional: ['pickup_type', 'drop_off_type'],
    row: (r: Row) => {
      const tripId = r.required('trip_id');
      const stopId = r.required('stop_id');
      const seq = r.int('stop_sequence', 0, 2 ** 31 - 1);
      const arrival = r.time('arrival_time');
      const departure = r.time('departure_time');
      const pickup = r.int('pickup_type', 0, 3, 0);
      const dropOff = r.int('drop_off_type', 0, 3, 0);
      if (tripId === undefined || stopId === undefined || seq === undefined || !r.ok) return false;
      const trip = this.trips.index.get(tripId);
      if (trip === undefined) {
        if (this.trips.readable) r.error('trip_id', `unknown trip "${tripId}" (not in trips.txt)`);
        return false;
      }
      const stop = this.stops.index.get(stopId);
      if (stop === undefined) {
        if (this.stops.readable) r.error('stop_id', `unknown stop "${stopId}" (not in stops.txt)`);
        return false;
      }
      if (this.stops.stops[stop]!.type !== 0 && this.notAtStop++ === 0) this.notAtStopLine = r.line;
      if (this.wanted[trip] !== 1) return 'skip';
      this.trip.push(trip);
      this.seq.push(seq);
      this.arrival.push(arrival ?? departure ?? NO_TIME);
      this.departure.push(departure ?? arrival ?? NO_TIME);
      this.stop.push(stop);
      this.line.push(r.line);
      this.flags.push((pickup === 1 ? NO_PICKUP : 0) | (dropOff === 1 ? NO_DROP_OFF : 0));
      return true;
    },
  };

  finish(): void {
    if (this.notAtStop > 0) {
      this.log.warn(
        feedPath('stop_times.txt', this.notAtStopLine, 'stop_id'),
        `${this.notAtStop} stop time${this.notAtStop === 1 ? ' refers' : 's refer'} to a station, entrance or node rather than a stop or platform (first here); read as calls at its station`,
      );
    }
  }

  /** Row indices grouped by trip, each group in stop_sequence order (file order breaks ties). */
  byTrip(): Map<number, number[]> {
    const n = this.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const trip = this.trip.data;
    const seq = this.seq.data;
    order.sort((a, b) => trip[a]! - trip[b]! || seq[a]! - seq[b]! || a - b);
    const groups = new Map<number, number[]>();
    let current: number[] = [];
    let last = -1;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      if (trip[i] !== last) {
        current = [];
        last = trip[i]!;
        groups.set(last, current);
      }
      current.push(i);
    }
    return groups;
  }
}
