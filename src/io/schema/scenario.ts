import { z } from 'zod';
import { FEEDER_RADIUS_METERS, FEEDER_SPEED_KMH } from '../../domain/modifications/addFeeder';
import { type Modification, type ModificationType, SCENARIO_FORMAT } from '../../domain/scenario';
import {
  color,
  direction,
  dwellSeconds,
  headways,
  id,
  layer,
  lineSpeedKmh,
  localizedName,
  lonLat,
  MAX_PATTERN_STOPS,
  processingSeconds,
  runSeconds,
  speedFactor,
  transferFields,
} from './common';

const base = {
  id: z.string().optional(),
  enabled: z.boolean().optional(),
  note: z.string().optional(),
};

const newStation = z.strictObject({ id, name: localizedName, coord: lonLat, layer: layer.optional() });
const stopRef = z.union([id, newStation]).describe('An existing station id, or a new station.');

const runTimes = {
  speedKmh: lineSpeedKmh
    .optional()
    .describe('Running speed, km/h (5 to 600); run times follow from station positions.'),
  runSeconds: z.array(runSeconds).optional(),
  dwellSeconds: dwellSeconds.optional(),
};

/**
 * One schema per modification type (a type missing here does not compile: the map is keyed by the domain's
 * union). The discriminated union and the JSON Schema follow from it.
 */
const MODIFICATION_SCHEMAS = {
  'add-line': z.strictObject({
    ...base,
    ...runTimes,
    type: z.literal('add-line'),
    line: z.strictObject({ id, name: localizedName, layer, color }),
    stops: z.array(stopRef).min(2).max(MAX_PATTERN_STOPS),
    headways,
    bidirectional: z.boolean().optional(),
  }),
  'extend-line': z.strictObject({
    ...base,
    ...runTimes,
    type: z.literal('extend-line'),
    line: id,
    end: z.enum(['first', 'last']),
    stops: z.array(stopRef).min(1).max(MAX_PATTERN_STOPS),
  }),
  'set-headway': z.strictObject({
    ...base,
    type: z.literal('set-headway'),
    line: id,
    patterns: z.array(id).min(1).optional(),
    headways,
  }),
  'adjust-speed': z.strictObject({
    ...base,
    type: z.literal('adjust-speed'),
    line: id,
    from: id.optional(),
    to: id.optional(),
    speedFactor,
  }),
  'add-pattern': z.strictObject({
    ...base,
    type: z.literal('add-pattern'),
    line: id,
    pattern: z.strictObject({
      id,
      stops: z.array(id).min(2).max(MAX_PATTERN_STOPS),
      headways,
      direction: direction.optional(),
    }),
  }),
  'through-run': z.strictObject({
    ...base,
    type: z.literal('through-run'),
    from: id,
    to: id,
    station: id,
    headways: headways.optional(),
  }),
  'set-transfer': z.strictObject({ ...base, type: z.literal('set-transfer'), ...transferFields }),
  'set-processing': z.strictObject({
    ...base,
    type: z.literal('set-processing'),
    layer: layer.optional(),
    stations: z.array(id).min(1).optional(),
    hub: id.optional(),
    entrySeconds: processingSeconds.optional(),
    exitSeconds: processingSeconds.optional(),
  }),
  'remove-line': z.strictObject({ ...base, type: z.literal('remove-line'), line: id }),
  'close-station': z.strictObject({ ...base, type: z.literal('close-station'), station: id }),
  'add-feeder': z
    .strictObject({
      ...base,
      type: z.literal('add-feeder'),
      station: id.describe('The station the feeder bus serves.'),
      radiusMeters: z
        .number()
        .min(FEEDER_RADIUS_METERS.min)
        .max(FEEDER_RADIUS_METERS.max)
        .describe(
          `Zones whose centroid lies this near get the feeder, metres (${FEEDER_RADIUS_METERS.min}–${FEEDER_RADIUS_METERS.max}).`,
        ),
      headways: headways.describe(
        'Feeder headway in seconds per period id; absent: no feeder in that period.',
      ),
      speedKmh: z
        .number()
        .min(FEEDER_SPEED_KMH.min)
        .max(FEEDER_SPEED_KMH.max)
        .describe('Commercial speed of the feeder over distance × the bus detour, km/h.'),
      name: localizedName.optional(),
    })
    .describe('A feeder bus to a station (DESIGN.md §2.1).'),
} satisfies { [T in ModificationType]: z.ZodType<Extract<Modification, { type: T }>> };

export const modificationSchema = z.discriminatedUnion(
  'type',
  Object.values(MODIFICATION_SCHEMAS) as unknown as [
    (typeof MODIFICATION_SCHEMAS)[ModificationType],
    ...(typeof MODIFICATION_SCHEMAS)[ModificationType][],
  ],
);

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(SCENARIO_FORMAT),
    id,
    name: z.string().min(1),
    description: z.string(),
    network: id.describe('Id of the base network.'),
    modifications: z.array(modificationSchema),
  })
  .describe('A Commuteshed scenario: ordered modifications of a base network (commuteshed.scenario/1).');
