import { z } from 'zod';
import { ZONE_CLASSES } from '../../domain/surface';
import {
  detourFactor,
  headwaySeconds,
  headways,
  id,
  kmhIn,
  localizedName,
  metresIn,
  secondsIn,
} from './common';

// Surface modes run from a walking pace to an express coach; a surface leg's reach is a region's width at
// most; fixed times (unlocking a bike, the cap on a wait) are minutes, not hours.
const speedKmh = kmhIn(1, 120, 'Speed over distance × detour');
const detour = detourFactor;
const meters = metresIn(0, 200_000, 'Distance');
const surfaceSeconds = secondsIn(0, 7200, 'Fixed time of a surface leg');

const bike = z.strictObject({
  speedKmh: speedKmh.optional(),
  detour: detour.optional(),
  unlockSeconds: surfaceSeconds.optional(),
  parkSeconds: surfaceSeconds.optional(),
  maxMeters: meters.optional(),
  accessMaxMeters: meters.optional(),
});

const bus = z.strictObject({
  speedKmh: speedKmh.optional(),
  detour: detour.optional(),
  expressBeyondMeters: meters.optional().describe('Long trips run express beyond this distance, metres.'),
  expressSpeedKmh: speedKmh.optional().describe('Speed of the express part of long trips, km/h.'),
  headwaySeconds: headwaySeconds.optional(),
  maxWaitSeconds: surfaceSeconds.optional(),
  stopWalkMeters: metresIn(0, 5000, 'Walk between a zone and its bus stop').optional(),
  stationStopMeters: metresIn(0, 2000, 'Walk between a station and its bus stop').optional(),
  accessNearest: z.int().min(0).max(10).optional(),
  accessMaxMeters: meters.optional(),
});

const overrides = {
  bike: bike.nullable().optional().describe('Shared bike / e-bike; null: not offered.'),
  bus: bus.nullable().optional().describe('The area-wide bus; null: not offered.'),
};
const byClass = z.strictObject(
  Object.fromEntries(ZONE_CLASSES.map((c) => [c, z.strictObject(overrides).optional()])),
);

export const surfaceSchema = z
  .strictObject({
    ...overrides,
    byClass: byClass.optional().describe('Overrides for urban or rural zones.'),
    byPeriod: z
      .record(id, z.strictObject({ ...overrides, byClass: byClass.optional() }))
      .optional()
      .describe('Overrides per analysis period id (and within it per zone class).'),
  })
  .describe(
    'Surface modes (DESIGN.md §2.1): bike and the area-wide bus; defaults in networks/README.md. Overrides apply field by field: network, its zone class, the period, the period’s zone class.',
  );

export const zoneClass = z.enum(ZONE_CLASSES).describe('urban or rural: sets the bus and bike parameters.');

export const feederSchema = z.strictObject({
  id,
  name: localizedName.optional(),
  station: id.describe('The station the feeder serves.'),
  radiusMeters: z
    .number()
    .min(100)
    .max(30_000)
    .describe('Zones whose centroid is this near are served, 100–30,000 m.'),
  headways: headways.describe('Feeder headway in seconds per period id; absent: no feeder in that period.'),
  speedKmh: speedKmh.describe('Feeder commercial speed, km/h.'),
});
