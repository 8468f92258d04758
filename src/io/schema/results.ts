import { z } from 'zod';
import { id, localizedName } from './common';
import { assumptionsSchema } from './network';
import { scenarioSchema } from './scenario';

const minutes = z.number().describe('Minutes.');
const nullableMinutes = z.number().nullable().describe('Minutes; null when there is no path (or no core).');
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
  timeToCoreHistogram: z.strictObject({ bandMinutes: z.number(), population: z.array(z.number()) }),
});

const deltaSummary = z.strictObject({
  meanTimeToCoreMinutes: nullableMinutes,
  meanTimeToJobsMinutes: nullableMinutes,
  jobsWithin: byThreshold,
  commuteCircle: z.strictObject({ zones: z.int(), population: z.number(), jobs: z.number() }),
  peopleGaining: z
    .record(z.string(), z.number())
    .describe('People whose time to the core falls by at least N minutes.'),
  peopleLosing: z.record(z.string(), z.number()),
  zonesChanged: z.int(),
  topGainers: z.array(z.strictObject({ zone: id, timeToCoreMinutes: minutes, population: z.number() })),
});

const zoneMetrics = z.strictObject({
  timeToCoreMinutes: nullableMinutes,
  meanTimeToJobsMinutes: nullableMinutes,
  jobsWithin: byThreshold,
  inCommuteCircle: z.boolean(),
});

const zoneDelta = z.strictObject({
  timeToCoreMinutes: minutes.describe('Scenario − baseline, unreachable counted as the time cap.'),
  meanTimeToJobsMinutes: minutes,
  jobsWithin: byThreshold,
});

const areaMetrics = z.strictObject({
  population: z.number().min(0),
  meanTimeToCoreMinutes: nullableMinutes,
  jobsWithin: byThreshold,
  populationWithoutPathToCore: z.number().min(0),
});

const area = z.strictObject({
  level: z.enum(['district', 'subdistrict']),
  id: id.describe('The district code the zones carry, or the subdistrict code of the boundaries file.'),
  parent: id.optional().describe("A subdistrict's district."),
  name: localizedName.optional(),
  zones: z.int().min(1),
  baseline: areaMetrics,
  scenario: areaMetrics.optional(),
  delta: z
    .strictObject({
      meanTimeToCoreMinutes: nullableMinutes,
      jobsWithin: byThreshold,
      peopleGaining: z.record(z.string(), z.number().min(0)),
      peopleLosing: z.record(z.string(), z.number().min(0)),
    })
    .optional(),
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
    districts: z
      .array(area)
      .optional()
      .describe(
        'The summary per district (as the zones carry them) and subdistrict (from the boundaries file), by the same rules as the regional summary.',
      ),
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
