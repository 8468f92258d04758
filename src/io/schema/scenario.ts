import { z } from 'zod';
import { SCENARIO_FORMAT } from '../../domain/scenario';
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

export const modificationSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    ...runTimes,
    type: z.literal('add-line'),
    line: z.strictObject({ id, name: localizedName, layer, color }),
    stops: z.array(stopRef).min(2).max(MAX_PATTERN_STOPS),
    headways,
    bidirectional: z.boolean().optional(),
  }),
  z.strictObject({
    ...base,
    ...runTimes,
    type: z.literal('extend-line'),
    line: id,
    end: z.enum(['first', 'last']),
    stops: z.array(stopRef).min(1).max(MAX_PATTERN_STOPS),
  }),
  z.strictObject({
    ...base,
    type: z.literal('set-headway'),
    line: id,
    patterns: z.array(id).min(1).optional(),
    headways,
  }),
  z.strictObject({
    ...base,
    type: z.literal('adjust-speed'),
    line: id,
    from: id.optional(),
    to: id.optional(),
    speedFactor,
  }),
  z.strictObject({
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
  z.strictObject({
    ...base,
    type: z.literal('through-run'),
    from: id,
    to: id,
    station: id,
    headways: headways.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('set-transfer'), ...transferFields }),
  z.strictObject({
    ...base,
    type: z.literal('set-processing'),
    layer: layer.optional(),
    stations: z.array(id).min(1).optional(),
    hub: id.optional(),
    entrySeconds: processingSeconds.optional(),
    exitSeconds: processingSeconds.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('remove-line'), line: id }),
  z.strictObject({ ...base, type: z.literal('close-station'), station: id }),
]);

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
