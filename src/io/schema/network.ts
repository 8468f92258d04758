import { z } from 'zod';
import { LAYER_PAIRS, LAYERS } from '../../domain/layer';
import { NETWORK_FORMAT } from '../../domain/network';
import {
  clock,
  color,
  direction,
  headways,
  id,
  layer,
  localizedName,
  lonLat,
  positiveSeconds,
  seconds,
  transferFields,
} from './common';
import { demandSchema, workers } from './demand';
import { feederSchema, surfaceSchema, zoneClass } from './surface';

const layerAssumptions = z.strictObject({
  entrySeconds: seconds.optional(),
  exitSeconds: seconds.optional(),
  maxWaitSeconds: positiveSeconds.optional(),
  accessMaxMeters: z.number().min(0).optional(),
  dwellSeconds: seconds.optional(),
  stopLossSeconds: seconds.optional(),
  routeFactor: z.number().min(1).max(3).optional(),
});

const positiveWeight = z.number().positive();

export const assumptionsSchema = z
  .strictObject({
    walkSpeedKmh: z.number().positive().optional(),
    walkDetour: z.number().min(1).max(3).optional(),
    directWalkMaxMeters: z.number().min(0).optional(),
    weights: z
      .strictObject({
        walk: positiveWeight.optional(),
        wait: positiveWeight.optional(),
        inVehicle: positiveWeight.optional(),
        processing: positiveWeight.optional(),
        transferWalk: positiveWeight.optional(),
        bike: positiveWeight.optional(),
        bus: positiveWeight.optional(),
      })
      .optional(),
    boardingPenaltySeconds: seconds.optional(),
    layers: z
      .strictObject(Object.fromEntries(LAYERS.map((l) => [l, layerAssumptions.optional()])))
      .optional(),
    transferWalkSeconds: z
      .strictObject(Object.fromEntries(LAYER_PAIRS.map((p) => [p, seconds.optional()])))
      .optional(),
    surface: surfaceSchema.optional(),
    demand: demandSchema.optional(),
    metrics: z
      .strictObject({
        accessibilityMinutes: z.array(z.number().positive()).min(1).optional(),
        commuteCircleMinutes: z.number().positive().optional(),
        timeCapMinutes: z.number().positive().optional(),
      })
      .optional(),
  })
  .describe('Model assumptions (DESIGN.md §2); anything missing takes the documented default.');

const servedAs = z.strictObject({ fromStop: z.int().min(0), line: id, direction });

export const patternSchema = z.strictObject({
  id,
  direction,
  headsign: localizedName.optional(),
  stops: z.array(id).min(2),
  runSeconds: z.array(positiveSeconds),
  dwellSeconds: z.array(seconds),
  headways,
  loop: z.boolean().optional(),
  servedAs: z.array(servedAs).optional(),
});

export const lineSchema = z.strictObject({
  id,
  name: localizedName,
  layer,
  color,
  directionNames: z.tuple([localizedName, localizedName]).optional(),
  patterns: z.array(patternSchema).min(1),
  source: z.string().optional(),
});

export const stationSchema = z.strictObject({
  id,
  name: localizedName,
  coord: lonLat,
  layer,
  processing: z
    .strictObject({ entrySeconds: seconds.optional(), exitSeconds: seconds.optional() })
    .optional(),
  source: z.string().optional(),
});

const polygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.array(z.number()))),
});
const multiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(z.array(z.number())))),
});

export const zoneSchema = z.strictObject({
  id,
  name: localizedName.optional(),
  centroid: lonLat,
  population: z.number().min(0),
  jobs: z.number().min(0),
  workers,
  district: z.string().optional(),
  class: zoneClass.optional(),
  geometry: z.union([polygon, multiPolygon]).optional(),
});

const attributeSource = z.strictObject({ source: z.string(), estimate: z.boolean() });

export const networkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(NETWORK_FORMAT),
    id,
    name: localizedName,
    description: z.string().optional(),
    attribution: z
      .array(
        z.strictObject({
          text: z.string().min(1),
          url: z.string().optional(),
          licence: z.string().optional(),
        }),
      )
      .min(1),
    notes: z.array(z.string()).optional(),
    periods: z.array(z.strictObject({ id, name: localizedName, start: clock, end: clock })).min(1),
    assumptions: assumptionsSchema.optional(),
    stations: z.array(stationSchema),
    hubs: z.array(z.strictObject({ id, name: localizedName, stations: z.array(id).min(2) })),
    lines: z.array(lineSchema),
    transfers: z.array(z.strictObject(transferFields)),
    feeders: z.array(feederSchema).optional(),
    zones: z.array(zoneSchema).optional(),
    zonesFile: z
      .string()
      .regex(/^[^/\\]+\.zones\.geojson$/, 'must be a sibling file name ending in .zones.geojson')
      .optional(),
    zoneAttributes: z
      .strictObject({
        population: attributeSource,
        jobs: attributeSource,
        workers: attributeSource.optional(),
      })
      .optional(),
    core: z.array(z.strictObject({ id, name: localizedName, zones: z.array(id).min(1) })),
    regions: z
      .array(z.strictObject({ id, name: localizedName, districts: z.array(z.string().min(1)).min(1) }))
      .optional()
      .describe('Named groups of zone districts (a city, a province’s towns) that results are reported for.'),
  })
  .describe(
    'A Commuteshed network: the four rail layers, their services per period, and the zones (commuteshed.network/1).',
  );

/** One feature of a `<id>.zones.geojson`: the zone's fields as properties. */
export const zoneFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.union([polygon, multiPolygon]),
  properties: z.looseObject({
    id,
    name: localizedName.optional(),
    centroid: lonLat.optional(),
    population: z.number().min(0),
    jobs: z.number().min(0),
    workers,
    district: z.string().optional(),
    class: zoneClass.optional(),
  }),
});

export const zonesFileSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(zoneFeatureSchema),
});
