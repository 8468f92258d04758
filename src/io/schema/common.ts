import { z } from 'zod';
import { LAYERS } from '../../domain/layer';

export const id = z
  .string()
  .min(1)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what ids may not hold.
  .regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters')
  .describe('An identifier, unique within its list (any characters but control characters).');

export const localizedName = z
  .strictObject({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((n) => n.zh !== undefined || n.en !== undefined, { message: 'give a zh or an en name (or both)' })
  .describe('A name in Chinese and/or English.');

export const longitude = z.number().min(-180).max(180).describe('Longitude, WGS84 degrees, −180 to 180.');
export const latitude = z.number().min(-90).max(90).describe('Latitude, WGS84 degrees, −90 to 90.');

export const lonLat = z
  .tuple([longitude, latitude])
  .describe('[longitude, latitude] in WGS84 degrees (not GCJ-02).');

export const layer = z
  .enum(LAYERS)
  .describe('trunk 干线铁路, intercity 城际铁路, suburban 市域(郊)铁路, metro 城市轨道交通');

/*
 * Physical domains (DESIGN.md §4: every number a file can carry has one). Each bound says what the model
 * means by the quantity: a value outside it is not an unusual case of the thing but a different thing (or
 * a typo), and the engine would turn it into nonsense. Every helper states its unit and range in its
 * description, which the JSON Schemas in schemas/ carry. Reuse these for new fields; where a field needs
 * other bounds, make them with the factories below and say why next to it.
 */

export const MINUTE_SECONDS = 60;
export const HOUR_SECONDS = 3600;
export const DAY_SECONDS = 86_400;

/** 86400 → "86,400" (the same text wherever the schemas are generated). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Units as the messages give them after a bound: "must be ≥ 30 s". */
const SHORT: Record<string, string> = {
  seconds: ' s',
  'km/h': ' km/h',
  metres: ' m',
  minutes: ' min',
  factor: '',
  people: ' people',
  jobs: ' jobs',
};

/**
 * A number in [min, max] (or (min, max] with `exclusiveMin`), its description saying what, unit and range,
 * its messages the bound with its unit (zodIssues adds the value found).
 */
function bounded(unit: string, min: number, max: number, what: string, exclusiveMin = false) {
  const u = SHORT[unit] ?? ` ${unit}`;
  const base = exclusiveMin
    ? z.number().gt(min, { error: `must be > ${grouped(min)}${u}` })
    : z.number().min(min, { error: `must be ≥ ${grouped(min)}${u}` });
  const range = `${exclusiveMin ? 'more than ' : ''}${grouped(min)} to ${grouped(max)}`;
  return base.max(max, { error: `must be ≤ ${grouped(max)}${u}` }).describe(`${what}; ${unit}, ${range}.`);
}

/** Seconds in [min, max]: durations (the model's times are seconds). */
export function secondsIn(min: number, max: number, what: string, exclusiveMin = false) {
  return bounded('seconds', min, max, what, exclusiveMin);
}

/** Speeds in km/h within [min, max] (min > 0: a speed of 0 is no movement, and divides by zero). */
export function kmhIn(min: number, max: number, what: string) {
  return bounded('km/h', min, max, what);
}

/** Distances in metres within [min, max]. */
export function metresIn(min: number, max: number, what: string) {
  return bounded('metres', min, max, what);
}

/** A dimensionless factor within [min, max]. */
export function factorIn(min: number, max: number, what: string) {
  return bounded('factor', min, max, what);
}

/** Minutes within [min, max] (metric thresholds). */
export function minutesIn(min: number, max: number, what: string, exclusiveMin = false) {
  return bounded('minutes', min, max, what, exclusiveMin);
}

/**
 * Any duration of the model that happens within a day: nothing a commute model describes (a run, a
 * headway, a wait, a change) lasts longer, and bounding every part bounds every sum the engine forms.
 */
export const durationSeconds = secondsIn(0, DAY_SECONDS, 'A duration within a day');

/**
 * Headway of a service in a period. Above a day it is not a service; below 30 s no signalling system runs
 * one train behind another (metro CBTC runs 90 s at best), so such a value is a typo (minutes for seconds).
 */
export const MIN_HEADWAY_SECONDS = 30;
export const headwaySeconds = secondsIn(
  MIN_HEADWAY_SECONDS,
  DAY_SECONDS,
  'Headway: time between trains of one pattern',
);

/**
 * Run time from one stop to the next. Times are whole seconds in the engine, so a run under 1 s would
 * round to nothing; no hop between two consecutive stops takes a day.
 */
export const runSeconds = secondsIn(1, DAY_SECONDS, 'Run time from a stop to the next');

/** A train that stands longer than 2 h at a stop is laid up, not dwelling: split the pattern there. */
export const MAX_DWELL_SECONDS = 2 * HOUR_SECONDS;
export const dwellSeconds = secondsIn(0, MAX_DWELL_SECONDS, 'Dwell: time a train stands at a stop');

/**
 * Station processing (security, ticket check, the margin before departure; or platform to street). Three
 * hours is more than any rail station asks, border controls included.
 */
export const processingSeconds = secondsIn(
  0,
  3 * HOUR_SECONDS,
  'Station processing: security, ticket check and margin, or platform to street',
);

/** A change that needs more than an hour's walk is not a change within a station or hub. */
export const MAX_TRANSFER_WALK_SECONDS = HOUR_SECONDS;
export const transferWalkSeconds = secondsIn(
  0,
  MAX_TRANSFER_WALK_SECONDS,
  'Walk of a change between platforms',
);

/** Waits (a feeder's wait, the cap on the expected wait): a commuter does not wait more than 2 h. */
export const waitSeconds = secondsIn(0, 2 * HOUR_SECONDS, 'Wait');

/** Perceived penalties in generalized seconds: one above an hour per boarding would forbid changes outright. */
export const penaltySeconds = secondsIn(0, HOUR_SECONDS, 'Perceived penalty, generalized seconds');

/** Walking: 1 km/h is a shuffle, 10 km/h a run. */
export const walkSpeedKmh = kmhIn(1, 10, 'Walking speed');

/** Access to stations and feeders (walk, bike, bus): from a slow walk to a fast bus on its own lane. */
export const accessSpeedKmh = kmhIn(1, 80, 'Access speed (walk, bike or feeder bus)');

/** A rail service's running speed: a slow tram to a maglev. */
export const lineSpeedKmh = kmhIn(5, 600, 'Running speed');

/** Reach of a mode from a zone centroid: beyond 50 km nobody reaches a station by access. */
export const accessMetres = metresIn(0, 50_000, 'Greatest distance reached');

/** Route (track or street) length ÷ great-circle length: 1 is straight, above 3 is not a route between two points. */
export const detourFactor = factorIn(1, 3, 'Route length ÷ great-circle length');

/**
 * A multiplier of speed in a scenario: a speed factor below 0.1 or above 10 is not a scenario (a line ten
 * times slower is closed; ten times faster is another mode).
 */
export const speedFactor = factorIn(0.1, 10, 'Speed multiplier');

/**
 * How much a second of a trip part is felt, relative to a second on board (1). Studies give 1 to 3 for
 * walking and waiting; below 0.1 or above 10 a part would be ignored or dominate everything.
 */
export const perceivedWeight = factorIn(0.1, 10, 'Perceived weight relative to in-vehicle time');

/**
 * Residents or jobs of one zone: no zone holds more than 100 million (the largest metropolitan areas hold
 * about 40 million). Bounded so that sums over any number of zones stay finite and exact enough.
 */
export const population = bounded('people', 0, 100_000_000, 'Residents of a zone');
export const jobs = bounded('jobs', 0, 100_000_000, 'Jobs in a zone');
export const employed = bounded(
  'people',
  0,
  100_000_000,
  'Employed residents (people who live in the zone and work); absent: population × employmentRate',
);

/** A share or rate: 0 to 1 (employment rate, mode share). */
export const share = factorIn(0, 1, 'Share');

/** Metric thresholds in minutes: a commute longer than a day is not a commute. */
export const metricMinutes = minutesIn(0, 24 * 60, 'Minutes', true);

/**
 * Stops of one pattern: the longest lines call at about a hundred; a thousand is not a service. The
 * engine's limits (graph/limits.ts) count on it.
 */
export const MAX_PATTERN_STOPS = 1000;

export const direction = z.union([z.literal(0), z.literal(1)]);

export const headways = z
  .record(z.string(), headwaySeconds)
  .describe(
    'Headway in seconds per analysis period id (30 s to 1 day); a period that is absent has no service.',
  );

export const color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour "#RRGGBB"');

export const clock = z.string().regex(/^([01]\d|2[0-9]|3[0-9]|4[0-7]):[0-5]\d$/, 'must be a time "HH:MM"');

export const transferPlace = z.union([
  z.strictObject({ station: id }),
  z.strictObject({ stations: z.tuple([id, id]) }),
  z.strictObject({ hub: id }),
]);

export const transferSide = z.union([
  z.strictObject({ line: id, direction: direction.optional() }),
  z.strictObject({ layer }),
]);

export const transferFields = {
  at: transferPlace,
  from: transferSide.optional(),
  to: transferSide.optional(),
  walkSeconds: transferWalkSeconds.optional(),
  processingSeconds: processingSeconds.optional(),
};

/** Sources and licences a file's data comes with (at least one). */
export const attributionList = z
  .array(
    z.strictObject({ text: z.string().min(1), url: z.string().optional(), licence: z.string().optional() }),
  )
  .min(1);
