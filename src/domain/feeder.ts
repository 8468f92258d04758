import type { Headways } from './line';
import type { LocalizedName } from './names';
import type { Meters } from './units';

/**
 * A feeder bus to one station (the standard companion of a new suburban station): zones whose centroid lies
 * within the radius get a bus leg to and from that station — walk to the stop, wait by the feeder's headway,
 * ride distance × the bus detour at the feeder's speed, walk to the station. It adds an option and takes
 * none away, so it never makes a trip worse.
 */
export interface Feeder {
  id: string;
  name?: LocalizedName;
  station: string;
  radiusMeters: Meters;
  /** Headway per period; a period that is absent has no feeder. */
  headways: Headways;
  speedKmh: number;
}
