import type { Row, TableSpec } from './fields';
import type { TripTable } from './trips';

/** One frequencies.txt window: the template trip starts every `headway` seconds from `start` until `end`. */
export interface FrequencyWindow {
  start: number;
  end: number;
  headway: number;
  exact: boolean;
}

/** frequencies.txt, by trip index; needs trips.txt read first. */
export class FrequencyTable {
  readonly byTrip = new Map<number, FrequencyWindow[]>();

  constructor(private readonly trips: TripTable) {}

  readonly spec: TableSpec = {
    file: 'frequencies.txt',
    required: ['trip_id', 'start_time', 'end_time', 'headway_secs'],
    optional: ['exact_times'],
    row: (r: Row) => {
      const tripId = r.required('trip_id');
      const start = r.time('start_time');
      const end = r.time('end_time');
      const headway = r.int('headway_secs', 1, 86_400 * 7);
      const exact = r.int('exact_times', 0, 1, 0);
      if (start === undefined && r.text('start_time') === '')
        r.error('start_time', 'required value is empty');
      if (end === undefined && r.text('end_time') === '') r.error('end_time', 'required value is empty');
      if (tripId === undefined || start === undefined || end === undefined || headway === undefined || !r.ok)
        return false;
      if (end <= start) {
        r.error('end_time', 'the window ends before it starts');
        return false;
      }
      const trip = this.trips.index.get(tripId);
      if (trip === undefined) {
        if (this.trips.readable) r.error('trip_id', `unknown trip "${tripId}" (not in trips.txt)`);
        return false;
      }
      const list = this.byTrip.get(trip);
      const w = { start, end, headway, exact: exact === 1 };
      if (list) list.push(w);
      else this.byTrip.set(trip, [w]);
      return true;
    },
  };
}

/**
 * Trips a frequency window implies in a period [from, to): the overlap of window and period divided by
 * the headway, for exact_times 0 and 1 alike (an expected count, fractional where the window edge cuts
 * a headway: 07:00–07:59:59 at 30 min gives 1.9994, not 2).
 */
export function tripsInPeriod(w: FrequencyWindow, from: number, to: number): number {
  const overlap = Math.min(w.end, to) - Math.max(w.start, from);
  return overlap > 0 ? overlap / w.headway : 0;
}
