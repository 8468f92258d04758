import { z } from 'zod';
import { ZONE_CLASSES } from '../../domain/surface';
import { headways, id, localizedName, seconds } from './common';

/** Speeds of surface modes: walking pace to an express bus. */
const speedKmh = z.number().min(1).max(120).describe('km/h, 1–120.');
const detour = z.number().min(1).max(3).describe('Route length ÷ great-circle distance, 1–3.');
const meters = z.number().min(0).max(200_000).describe('Metres, 0–200,000.');
const surfaceSeconds = seconds.max(7200).describe('Seconds, 0–7,200.');

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
  headwaySeconds: seconds.min(30).max(86_400).optional().describe('Seconds between buses, 30–86,400.'),
  maxWaitSeconds: surfaceSeconds.optional(),
  stopWalkMeters: meters.max(5000).optional(),
  stationStopMeters: meters.max(2000).optional(),
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
