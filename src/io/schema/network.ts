import { z } from 'zod';
import { LAYER_PAIRS, LAYERS } from '../../domain/layer';
import { NETWORK_FORMAT } from '../../domain/network';
import {
  accessMetres,
  clock,
  color,
  detourFactor,
  direction,
  dwellSeconds,
  headways,
  id,
  jobs,
  latitude,
  layer,
  localizedName,
  longitude,
  lonLat,
  MAX_PATTERN_STOPS,
  metresIn,
  metricMinutes,
  penaltySeconds,
  perceivedWeight,
  population,
  processingSeconds,
  runSeconds,
  secondsIn,
  transferFields,
  transferWalkSeconds,
  walkSpeedKmh,
} from './common';
import { demandSchema, workers } from './demand';
import { feederSchema, surfaceSchema, zoneClass } from './surface';

/** A zones file beside the network: a plain file name, no folder (never a path out of the network's folder). */
export const SIBLING_ZONES_FILE = /^[^/\\]+\.zones\.geojson$/;

const layerAssumptions = z.strictObject({
  entrySeconds: processingSeconds.optional(),
  exitSeconds: processingSeconds.optional(),
  // The cap on the expected wait; at least a second, or every service would be boarded without a wait.
  maxWaitSeconds: secondsIn(1, 7200, 'Cap on the expected wait').optional(),
  accessMaxMeters: accessMetres.optional(),
  dwellSeconds: dwellSeconds.optional(),
  // A stop costs a train its braking and accelerating: minutes at most, even for a heavy freight-sized train.
  stopLossSeconds: secondsIn(0, 600, 'Time a train loses by stopping').optional(),
  routeFactor: detourFactor.optional(),
});

export const assumptionsSchema = z
  .strictObject({
    walkSpeedKmh: walkSpeedKmh.optional(),
    walkDetour: detourFactor.optional(),
    // Walking a whole trip: beyond 20 km (4 h and more) it is not a commute.
    directWalkMaxMeters: metresIn(0, 20_000, 'Greatest zone-to-zone walk').optional(),
    weights: z
      .strictObject({
        walk: perceivedWeight.optional(),
        wait: perceivedWeight.optional(),
        inVehicle: perceivedWeight.optional(),
        processing: perceivedWeight.optional(),
        transferWalk: perceivedWeight.optional(),
        bike: perceivedWeight.optional(),
        bus: perceivedWeight.optional(),
      })
      .optional(),
    boardingPenaltySeconds: penaltySeconds.optional(),
    layers: z
      .strictObject(Object.fromEntries(LAYERS.map((l) => [l, layerAssumptions.optional()])))
      .optional(),
    transferWalkSeconds: z
      .strictObject(Object.fromEntries(LAYER_PAIRS.map((p) => [p, transferWalkSeconds.optional()])))
      .optional(),
    surface: surfaceSchema.optional(),
    demand: demandSchema.optional(),
    metrics: z
      .strictObject({
        accessibilityMinutes: z
          .array(metricMinutes)
          .min(1)
          .max(24)
          .superRefine((list, ctx) => {
            // Each threshold is a metric (jobs within N min) and a results key: twice would be one column.
            list.forEach((m, k) => {
              const first = list.indexOf(m);
              if (first !== k)
                ctx.addIssue({
                  code: 'custom',
                  path: [k],
                  message: `${m} min is already a threshold (at [${first}])`,
                });
            });
          })
          .meta({ uniqueItems: true })
          .optional()
          .describe('Jobs-within thresholds, minutes, each once.'),
        commuteCircleMinutes: metricMinutes.optional(),
        timeCapMinutes: metricMinutes.optional(),
      })
      .optional(),
  })
  .describe('Model assumptions (DESIGN.md §2); anything missing takes the documented default.');

const servedAs = z.strictObject({
  fromStop: z
    .int()
    .min(0)
    .max(MAX_PATTERN_STOPS - 1),
  line: id,
  direction,
});

export const patternSchema = z.strictObject({
  id,
  direction,
  headsign: localizedName.optional(),
  // The longest lines call at about a hundred stops; the engine's limits (graph/limits.ts) count on 1,000.
  stops: z.array(id).min(2).max(MAX_PATTERN_STOPS),
  runSeconds: z.array(runSeconds),
  dwellSeconds: z.array(dwellSeconds),
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
    .strictObject({
      entrySeconds: processingSeconds.optional(),
      exitSeconds: processingSeconds.optional(),
    })
    .optional(),
  source: z.string().optional(),
});

// GeoJSON positions may carry an altitude after longitude and latitude (RFC 7946 §3.1.1).
const position = z.tuple([longitude, latitude], metresIn(-11_000, 9_000, 'Altitude'));
const ring = z.array(position);
const polygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(ring),
});
const multiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring)),
});

export const zoneSchema = z.strictObject({
  id,
  name: localizedName.optional(),
  centroid: lonLat,
  population,
  jobs,
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
    // No zone, nothing to compute commute times between.
    zones: z
      .array(zoneSchema)
      .min(1, { error: 'needs at least one zone (nothing to compute times between)' })
      .optional(),
    zonesFile: z
      .string()
      .regex(SIBLING_ZONES_FILE, 'must be a sibling file name ending in .zones.geojson')
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
    population,
    jobs,
    workers,
    district: z.string().optional(),
    class: zoneClass.optional(),
  }),
});

export const zonesFileSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z
    .array(zoneFeatureSchema)
    .min(1, { error: 'needs at least one zone (nothing to compute times between)' }),
});
