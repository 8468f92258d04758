import { z } from 'zod';
import { DEMAND_MODES } from '../../domain/demand';
import { LAYERS } from '../../domain/layer';
import { id, localizedName } from './common';

// The results' demand section (DESIGN.md §3.1): computed, not typed in, so its domains are what the model
// guarantees — counts ≥ 0, shares in [0, 1], minutes ≥ 0 — and a document breaking them is not written.
const count = z.number().min(0).describe('People or trips per working day (morning commute), ≥ 0.');
const change = z.number().describe('Scenario − baseline.');
const share = z.number().min(0).max(1).describe('A share of commuters, 0–1.');
const nullableShare = share.nullable().describe('A share of commuters, 0–1; null without commuters.');
const nullableMinutes = z.number().min(0).nullable().describe('Minutes, ≥ 0; null without commuters.');
const nullableChange = z.number().nullable().describe('Scenario − baseline; null without commuters.');

const modeShares = z
  .strictObject(Object.fromEntries(DEMAND_MODES.map((m) => [m, share])) as Record<string, typeof share>)
  .nullable()
  .describe(
    'Shares of commuters by the mode they take (walk, bike, bus, rail, car); null without commuters.',
  );
const modeShareChanges = z
  .strictObject(Object.fromEntries(DEMAND_MODES.map((m) => [m, change])) as Record<string, typeof change>)
  .nullable();

const figures = {
  commuters: count,
  meanCommuteMinutes: nullableMinutes.describe('Mean one-way commute, door to door, minutes.'),
  shareWithin45: nullableShare.describe('Share of commuters whose commute takes 45 min or less.'),
  shareOver60: nullableShare.describe('Share of commuters whose commute takes more than 60 min.'),
  modeShares,
  commuterHoursPerWorkday: count.describe('Commuter-hours per working day (both ways).'),
};

const commuteFigures = z.strictObject({
  ...figures,
  railRiders: count.describe('Commuters riding rail (assigned to lines).'),
  histogram: z.strictObject({ bandMinutes: z.number().positive(), commuters: z.array(count) }),
});

const commuteDelta = z.strictObject({
  commuters: change,
  meanCommuteMinutes: nullableChange,
  shareWithin45: nullableChange,
  shareOver60: nullableChange,
  modeShares: modeShareChanges,
  commuterHoursSaved: change.describe(
    'Commuter-hours per working day saved (baseline − scenario): physical time on the modes chosen.',
  ),
  perceivedHoursSaved: change
    .optional()
    .describe(
      'Perceived (generalized) commuter-hours per working day saved: the fall of each pair’s composite (logsum) cost times its commuters, the rule of a half where trips move (the long term) — the commuters’ gain, which physical hours can miss (a driver who takes a slower but cheaper train). Absent in results written before it was reported.',
    ),
  railRiders: change,
});

const jobsHousing = {
  residentWorkers: count,
  jobs: count,
  jobsPerWorker: z
    .number()
    .min(0)
    .nullable()
    .describe('Jobs per resident worker (职住比); null without workers.'),
  workInside: count.describe('Resident commuters who work inside the area.'),
  shareWorkingInside: nullableShare.describe('Share of resident commuters working inside the area.'),
};

const areaFigures = z.strictObject({
  ...figures,
  histogram: z.array(count).describe('Commuters per band of one-way time (bandMinutes of the whole).'),
  ...jobsHousing,
});
const regionFigures = z.strictObject({
  ...figures,
  histogram: z.array(count),
  ...jobsHousing,
  inbound: count.describe('Commuters living outside the region who work in it.'),
  outbound: count.describe('Residents working outside the region.'),
});

const area = <T extends z.ZodType>(f: T) =>
  z.strictObject({
    id,
    name: localizedName.optional(),
    baseline: f,
    scenario: f.optional(),
    delta: commuteDelta.optional(),
  });

const lineFigures = z
  .strictObject({
    boardings: count,
    passengerKm: count.describe('Riders × great-circle km between consecutive stops.'),
    maxSectionLoad: count.describe('Riders on the busiest segment (one direction between two stops).'),
    maxSection: z
      .strictObject({ direction: z.union([z.literal(0), z.literal(1)]), from: id, to: id, riders: count })
      .optional(),
  })
  .nullable()
  .describe('null: the line does not run on this side.');

const riderSources = z
  .strictObject({
    walk: count,
    bike: count,
    bus: count,
    rail: count.describe('Riders who rode rail before (this line or others).'),
    car: count,
    newPairs: count.describe('Commuters the long-term redistribution brings to the pair.'),
  })
  .describe('Where riders come from: the mode they took before, or a new origin–destination pair.');

const stationFigures = z
  .strictObject({ entries: count, exits: count, boardings: count, transfers: count })
  .nullable();

export const demandResultsSchema = z
  .strictObject({
    estimate: z.literal(true).describe('Every demand figure is a model estimate.'),
    term: z
      .enum(['short', 'long'])
      .describe('short: trips kept, modes and routes change; long: trips redistributed.'),
    beta: z.strictObject({
      perMinute: z.number().positive().describe('Gravity β per generalized minute.'),
      calibrated: z.boolean(),
      targetMinutes: z.number().positive().optional(),
      meanMinutes: z.number().min(0).optional(),
      relativeError: z.number().optional(),
      evaluations: z.int().min(1).optional(),
      furnessIterations: z.int().min(0),
      rowError: z.number().min(0),
      columnError: z.number().min(0),
      region: id.optional(),
      source: z.string().optional(),
    }),
    workers: count,
    jobs: count,
    jobsScale: z
      .number()
      .positive()
      .describe(
        'Jobs are scaled by this to total the workers (outside the net-inflow regions, when there are any).',
      ),
    jobsScaleByRegion: z
      .record(id, z.number().positive())
      .optional()
      .describe("Each net-inflow region's jobs are scaled by this to total its workers plus its net inflow."),
    tripsPerWorkday: z.number().positive(),
    baseline: commuteFigures,
    scenario: commuteFigures.optional(),
    delta: commuteDelta.optional(),
    sources: riderSources.optional(),
    regions: z.array(area(regionFigures)),
    districts: z.array(area(areaFigures)),
    lines: z.array(
      z.strictObject({
        line: id,
        name: localizedName,
        layer: z.enum(LAYERS),
        baseline: lineFigures,
        scenario: lineFigures.optional(),
        sources: riderSources.optional(),
      }),
    ),
    stations: z.array(
      z.strictObject({
        station: id,
        name: localizedName,
        baseline: stationFigures,
        scenario: stationFigures.optional(),
      }),
    ),
    layerTransfers: z.array(
      z.strictObject({
        place: id.describe('A hub, or a station outside hubs.'),
        from: z.enum(LAYERS),
        to: z.enum(LAYERS),
        baseline: count,
        scenario: count.optional(),
      }),
    ),
  })
  .describe(
    'The demand model (DESIGN.md §3.1): commuters by mode and time, ridership per line and station — estimates, from the network’s demand assumptions.',
  );

export type DemandResults = z.infer<typeof demandResultsSchema>;
