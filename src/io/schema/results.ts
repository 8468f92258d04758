import { z } from 'zod';
import { TRIP_MODES, type TripMode } from '../../domain/modes';
import { id, localizedName } from './common';
import { demandResultsSchema } from './demandResults';
import { figureShape } from './figures';
import { assumptionsSchema } from './network';
import { scenarioSchema } from './scenario';

// Results are computed, not typed in: their domains are what the engine guarantees (finite times ≥ 0,
// counts ≥ 0), so a document that breaks them is a bug, and the CLI refuses to write it.
const count = z.number().min(0).describe('People or jobs, ≥ 0.');
const zoneCount = z.int().min(0);
const change = z.number().describe('After − before (finite; negative = fewer or quicker).');
const minutes = z.number().describe('Minutes (a change: after − before).');
const tripMode = z
  .enum(TRIP_MODES)
  .nullable()
  .describe('How the trip travels: rail (whatever the access), or its surface mode; null: no path.');
const byMode = z
  .strictObject(Object.fromEntries(TRIP_MODES.map((m) => [m, count])) as Record<TripMode, typeof count>)
  .describe('People by how their trip to the core travels.');

const summary = z.strictObject({
  zones: zoneCount,
  population: count,
  jobs: count,
  ...figureShape('summary', 'value'),
  commuteCircle: z.strictObject({ zones: zoneCount, population: count, jobs: count }),
  populationWithoutPathToCore: count,
  modeToCore: byMode.optional(),
  timeToCoreHistogram: z.strictObject({ bandMinutes: z.number().positive(), population: z.array(count) }),
});

const deltaSummary = z.strictObject({
  ...figureShape('summary', 'change'),
  commuteCircle: z.strictObject({ zones: z.int(), population: change, jobs: change }),
  peopleGaining: z
    .record(z.string(), count)
    .describe(
      'People whose time to the core falls by at least N minutes (a path before and after: newly connected zones are not gains).',
    ),
  peopleLosing: z.record(z.string(), count),
  peopleGainingSwitchedMode: z
    .record(z.string(), count)
    .optional()
    .describe(
      'Of the people gaining N minutes, those whose trip to the core travels another way (e.g. bus → rail).',
    ),
  peopleLosingSwitchedMode: z.record(z.string(), count).optional(),
  newlyConnected: z
    .strictObject({ zones: zoneCount, population: count })
    .optional()
    .describe('Zones with a path to the core in the scenario and none before (not counted as gaining).'),
  disconnected: z.strictObject({ zones: zoneCount, population: count }).optional(),
  modeSwitches: z
    .array(z.strictObject({ from: tripMode, to: tripMode, population: count }))
    .optional()
    .describe('People whose trip to the core changes mode, before → after.'),
  zonesChanged: zoneCount,
  topGainers: z.array(z.strictObject({ zone: id, timeToCoreMinutes: minutes, population: count })),
});

const zoneMetrics = z.strictObject({
  ...figureShape('zone', 'value'),
  modeToCore: tripMode.optional(),
  inCommuteCircle: z.boolean(),
  commuteMinutes: z
    .number()
    .min(0)
    .nullable()
    .optional()
    .describe('With demand: mean one-way commute of the zone’s resident workers (an estimate); null: none.'),
});

const zoneDelta = z.strictObject({
  ...figureShape('zone', 'zoneChange'),
  commuteMinutes: z.number().nullable().optional().describe('With demand: scenario − baseline, minutes.'),
});

const areaMetrics = z.strictObject({
  population: count,
  ...figureShape('district', 'value'),
  populationWithoutPathToCore: count,
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
      ...figureShape('district', 'change'),
      peopleGaining: z.record(z.string(), count),
      peopleLosing: z.record(z.string(), count),
    })
    .optional(),
});

const matrix = z
  .array(z.array(z.int().min(0).nullable()))
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
          workers: z.strictObject({ source: z.string(), estimate: z.boolean() }).optional(),
        })
        .optional(),
    }),
    before: scenarioSchema
      .optional()
      .describe(
        'The scenario on the before side (summary.baseline, zones[].baseline, districts[].baseline, matrix.baseline) when two scenarios are compared; absent: the network as given (the baseline).',
      ),
    scenario: scenarioSchema
      .nullable()
      .describe('The scenario on the after side; null: the before side alone.'),
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
        population: count,
        jobs: count,
        workers: count.optional().describe('With demand: employed residents (trips produced).'),
        baseline: zoneMetrics,
        scenario: zoneMetrics.optional(),
        delta: zoneDelta.optional(),
      }),
    ),
    demand: demandResultsSchema.optional(),
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
    'Commuteshed results: per-zone commute metrics for the before side (the baseline, or a scenario named in `before`) and optionally a scenario after (commuteshed.results/1).',
  );

export type ResultsDocument = z.infer<typeof resultsSchema>;
