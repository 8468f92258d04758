import { z } from 'zod';
import { TRIP_MODES, type TripMode } from '../../domain/modes';
import { id, localizedName } from './common';
import { assumptionsSchema } from './network';
import { scenarioSchema } from './scenario';

const minutes = z.number().describe('Minutes.');
const nullableMinutes = z.number().nullable().describe('Minutes; null when there is no path (or no core).');
const tripMode = z
  .enum(TRIP_MODES)
  .nullable()
  .describe('How the trip travels: rail (whatever the access), or its surface mode; null: no path.');
const people = z.number().min(0).describe('People (a sum of zone populations).');
const byMode = z
  .strictObject(Object.fromEntries(TRIP_MODES.map((m) => [m, people])) as Record<TripMode, typeof people>)
  .describe('People by how their trip to the core travels.');
const byThreshold = z
  .record(z.string(), z.number())
  .describe('Jobs per threshold in minutes, e.g. {"30": 12000, "45": …}.');

const summary = z.strictObject({
  zones: z.int(),
  population: z.number(),
  jobs: z.number(),
  meanTimeToCoreMinutes: nullableMinutes,
  meanTimeToJobsMinutes: nullableMinutes,
  jobsWithin: byThreshold,
  commuteCircle: z.strictObject({ zones: z.int(), population: z.number(), jobs: z.number() }),
  populationWithoutPathToCore: z.number(),
  modeToCore: byMode.optional(),
  timeToCoreHistogram: z.strictObject({ bandMinutes: z.number(), population: z.array(z.number()) }),
});

const deltaSummary = z.strictObject({
  meanTimeToCoreMinutes: nullableMinutes,
  meanTimeToJobsMinutes: nullableMinutes,
  jobsWithin: byThreshold,
  commuteCircle: z.strictObject({ zones: z.int(), population: z.number(), jobs: z.number() }),
  peopleGaining: z
    .record(z.string(), z.number())
    .describe(
      'People whose time to the core falls by at least N minutes (a path before and after: newly connected zones are not gains).',
    ),
  peopleLosing: z.record(z.string(), z.number()),
  peopleGainingSwitchedMode: z
    .record(z.string(), z.number())
    .optional()
    .describe(
      'Of the people gaining N minutes, those whose trip to the core travels another way (e.g. bus → rail).',
    ),
  peopleLosingSwitchedMode: z.record(z.string(), z.number()).optional(),
  newlyConnected: z
    .strictObject({ zones: z.int(), population: people })
    .optional()
    .describe('Zones with a path to the core in the scenario and none before (not counted as gaining).'),
  disconnected: z.strictObject({ zones: z.int(), population: people }).optional(),
  modeSwitches: z
    .array(z.strictObject({ from: tripMode, to: tripMode, population: people }))
    .optional()
    .describe('People whose trip to the core changes mode, baseline → scenario.'),
  zonesChanged: z.int(),
  topGainers: z.array(z.strictObject({ zone: id, timeToCoreMinutes: minutes, population: z.number() })),
});

const zoneMetrics = z.strictObject({
  timeToCoreMinutes: nullableMinutes,
  modeToCore: tripMode.optional(),
  meanTimeToJobsMinutes: nullableMinutes,
  jobsWithin: byThreshold,
  inCommuteCircle: z.boolean(),
});

const zoneDelta = z.strictObject({
  timeToCoreMinutes: minutes.describe('Scenario − baseline, unreachable counted as the time cap.'),
  meanTimeToJobsMinutes: minutes,
  jobsWithin: byThreshold,
});

const matrix = z
  .array(z.array(z.int().nullable()))
  .describe('Seconds, rows = origins, columns = destinations, in zone order; null = no path.');

export const resultsSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('commuteshed.results/1'),
    generatedAt: z
      .string()
      .describe('When the file was written (the only field that differs between identical runs).'),
    engine: z.strictObject({ name: z.literal('commuteshed'), version: z.string() }),
    network: z.strictObject({
      id,
      name: localizedName,
      checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      attribution: z.array(
        z.strictObject({ text: z.string(), url: z.string().optional(), licence: z.string().optional() }),
      ),
      zoneAttributes: z
        .strictObject({
          population: z.strictObject({ source: z.string(), estimate: z.boolean() }),
          jobs: z.strictObject({ source: z.string(), estimate: z.boolean() }),
        })
        .optional(),
    }),
    scenario: scenarioSchema.nullable(),
    period: z.strictObject({ id, name: localizedName, start: z.string(), end: z.string() }),
    assumptions: assumptionsSchema,
    core: z.array(z.strictObject({ id, name: localizedName, zones: z.array(id) })),
    summary: z.strictObject({
      baseline: summary,
      scenario: summary.optional(),
      delta: deltaSummary.optional(),
    }),
    zones: z.array(
      z.strictObject({
        id,
        name: localizedName.optional(),
        population: z.number(),
        jobs: z.number(),
        baseline: zoneMetrics,
        scenario: zoneMetrics.optional(),
        delta: zoneDelta.optional(),
      }),
    ),
    matrix: z
      .strictObject({
        unit: z.literal('seconds'),
        zones: z.array(id),
        baseline: matrix,
        scenario: matrix.optional(),
      })
      .optional(),
  })
  .describe(
    'Commuteshed results: per-zone commute metrics for a baseline and optionally a scenario (commuteshed.results/1).',
  );

export type ResultsDocument = z.infer<typeof resultsSchema>;
