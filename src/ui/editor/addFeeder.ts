import { greatCircleMeters, type LonLat } from '../../domain/geo';
import { FEEDER_RADIUS_METERS } from '../../domain/modifications/addFeeder';
import type { Network } from '../../domain/network';
import type { AddFeeder, Scenario } from '../../domain/scenario';
import { nextModificationId } from './ids';
import { everyPeriod } from './lineDefaults';
import { withHeadway } from './units';

/** A feeder's starting values: a 3 km catchment, a bus every 10 minutes at 20 km/h. */
export const FEEDER_DEFAULTS = { radiusMeters: 3000, headwayMinutes: 10, speedKmh: 20 } as const;

/**
 * A new feeder, at the station the scenario adds last (the usual companion of a new suburban station) or
 * else the first station by id.
 */
export function newAddFeeder(network: Network, scenario: Scenario): AddFeeder | undefined {
  const station =
    network.stations.filter((s) => s.added).at(-1) ??
    [...network.stations].sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!station) return undefined;
  return {
    type: 'add-feeder',
    id: nextModificationId(scenario),
    station: station.id,
    radiusMeters: FEEDER_DEFAULTS.radiusMeters,
    headways: everyPeriod(network, FEEDER_DEFAULTS.headwayMinutes),
    speedKmh: FEEDER_DEFAULTS.speedKmh,
  };
}

export function withStation(mod: AddFeeder, station: string): AddFeeder {
  return { ...mod, station };
}

/** A radius within the feeder's domain, to 50 m (a drag on the map gives metres to many decimals). */
export function withRadius(mod: AddFeeder, meters: number): AddFeeder {
  const { min, max } = FEEDER_RADIUS_METERS;
  return { ...mod, radiusMeters: Math.min(max, Math.max(min, Math.round(meters / 50) * 50)) };
}

/** The radius the handle was dragged to: its distance from the station. */
export function radiusTo(mod: AddFeeder, station: LonLat, handle: LonLat): AddFeeder {
  return withRadius(mod, greatCircleMeters(station, handle));
}

export function withHeadwayMinutes(mod: AddFeeder, period: string, minutes: number | null): AddFeeder {
  return { ...mod, headways: withHeadway(mod.headways, period, minutes) };
}

export function withSpeed(mod: AddFeeder, speedKmh: number): AddFeeder {
  return { ...mod, speedKmh };
}

const M_PER_DEG_LAT = 111_320;

/** The catchment circle as a closed ring (for drawing), and the handle on it due east of the station. */
export function catchment(station: LonLat, meters: number, points = 72): { ring: LonLat[]; handle: LonLat } {
  const [lon, lat] = station;
  const perDegLon = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const ring: LonLat[] = [];
  for (let k = 0; k <= points; k++) {
    const a = (2 * Math.PI * k) / points;
    ring.push([lon + (meters * Math.cos(a)) / perDegLon, lat + (meters * Math.sin(a)) / M_PER_DEG_LAT]);
  }
  return { ring, handle: [lon + meters / perDegLon, lat] };
}
