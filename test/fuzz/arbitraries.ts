/**
 * Generated networks and scenarios for the fuzz suite: a sound file from a spec of small integers, then
 * corruptions of it — numbers at and beyond every domain's bounds, numbers that overflowed the engine
 * (1e12, 2^31, 1e308), numbers of the wrong kind, values nested a hundred thousand levels deep, reserved
 * keys. A spec shrinks well; the corruptions say what broke.
 */
import fc from 'fast-check';
import { LAYERS, type LayerId } from '../../src/domain/layer';

/** Around Beijing: lon/lat of a point `x`, `y` metres east and north of the centre. */
const CENTRE = [116.4, 39.9] as const;
const lonLat = (x: number, y: number): [number, number] => [
  CENTRE[0] + x / (111_320 * Math.cos((CENTRE[1] * Math.PI) / 180)),
  CENTRE[1] + y / 110_574,
];

/**
 * Values a corruption writes: the bounds of every domain and just past them, what overflowed the engine,
 * what JSON allows that a number field does not.
 */
export const WILD_NUMBER = fc.constantFrom(
  0,
  -1,
  -0.5,
  1e-9,
  0.09,
  0.1,
  0.5,
  0.9,
  1,
  10,
  10.01,
  29,
  30,
  600,
  601,
  3600,
  3601,
  7200,
  7201,
  10_800,
  10_801,
  20_000,
  20_001,
  50_000,
  50_001,
  86_400,
  86_401,
  1e8,
  1e8 + 1,
  2 ** 27,
  2 ** 31,
  2 ** 53 + 2,
  1e12,
  1e308,
  -1e308,
  5e-324,
  180.5,
  -90.5,
);
const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
// A deep value costs 40 ms to parse and walk (most of a hundred cases): rare, but in every run.
export const WILD_VALUE = fc.oneof(
  { weight: 40, arbitrary: WILD_NUMBER },
  { weight: 6, arbitrary: fc.constantFrom(null, '300', '', 'am-peak', true, [], {}, [1, 2], { length: {} }) },
  { weight: 1, arbitrary: fc.constant(DEEP) },
);

/** A corruption: the n-th number (or, with `anyLeaf`, the n-th value) of the file replaced. */
export const corruption = fc.record({
  at: fc.nat(),
  anyLeaf: fc.boolean(),
  value: WILD_VALUE,
});
export type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never;

// biome-ignore lint/suspicious/noExplicitAny: a file under corruption is edited as raw JSON
type Json = any;

/**
 * The file's text with each corruption applied: the value at a leaf replaced (DEEP is spliced in as raw
 * text: JSON.stringify itself cannot write it). A key "__proto__" may be added as a record key.
 */
export function corrupt(file: Json, corruptions: readonly Corruption[]): string {
  const deep: string[] = [];
  for (const c of corruptions) {
    const leaves: { node: Json; key: string }[] = [];
    const walk = (node: Json) => {
      for (const [key, v] of Object.entries(node)) {
        if (v !== null && typeof v === 'object') walk(v);
        else if (c.anyLeaf || typeof v === 'number') leaves.push({ node, key });
      }
    };
    walk(file);
    if (leaves.length === 0) continue;
    const { node, key } = leaves[c.at % leaves.length]!;
    if (c.value === DEEP) {
      node[key] = `@@DEEP${deep.length}@@`;
      deep.push(DEEP);
    } else node[key] = structuredClone(c.value); // a fresh copy: constants are shared between cases
  }
  let text = JSON.stringify(file);
  deep.forEach((d, k) => {
    text = text.replace(`"@@DEEP${k}@@"`, d);
  });
  return text;
}

const layer = fc.constantFrom<LayerId>(...LAYERS);
const point = fc.record({
  x: fc.integer({ min: -6000, max: 6000 }),
  y: fc.integer({ min: -6000, max: 6000 }),
});

/** A sound network as a plain spec (its numbers inside every domain, its stations near each other). */
export const networkSpec = fc.record({
  stations: fc.array(fc.record({ at: point, layer, entry: fc.option(fc.integer({ min: 0, max: 1200 })) }), {
    minLength: 2,
    maxLength: 7,
  }),
  lines: fc.array(
    fc.record({
      layer,
      first: fc.nat(),
      stops: fc.array(fc.nat({ max: 6 }), { minLength: 2, maxLength: 6 }),
      runs: fc.array(fc.integer({ min: 60, max: 1800 }), { minLength: 6, maxLength: 6 }),
      dwell: fc.integer({ min: 0, max: 120 }),
      headway: fc.integer({ min: 60, max: 3600 }),
      both: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  zones: fc.array(
    fc.record({
      at: point,
      population: fc.integer({ min: 0, max: 50_000 }),
      jobs: fc.integer({ min: 0, max: 50_000 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  core: fc.boolean(),
  transfer: fc.option(fc.record({ station: fc.nat(), walk: fc.integer({ min: 0, max: 600 }) })),
  assumptions: fc.option(
    fc.record({
      walkSpeedKmh: fc.double({ min: 3, max: 6, noNaN: true }),
      boardingPenaltySeconds: fc.integer({ min: 0, max: 600 }),
      maxWaitSeconds: fc.integer({ min: 60, max: 1200 }),
      surface: fc.boolean(),
    }),
  ),
});
export type NetworkSpec = typeof networkSpec extends fc.Arbitrary<infer T> ? T : never;

/** The network file of a spec (valid: every reference known, every number in its domain). */
export function networkFile(spec: NetworkSpec): Json {
  const stations = spec.stations.map((s, k) => ({
    id: `s${k}`,
    name: { en: `Station ${k}` },
    coord: lonLat(s.at.x, s.at.y),
    layer: s.layer,
    ...(s.entry !== null && { processing: { entrySeconds: s.entry } }),
  }));
  const lines = spec.lines.flatMap((l, k) => {
    const stops = [...new Set(l.stops.map((i) => `s${(l.first + i) % stations.length}`))];
    if (stops.length < 2) return [];
    const runs = l.runs.slice(0, stops.length - 1);
    const dwells = stops.map((_, i) => (i === 0 || i === stops.length - 1 ? 0 : l.dwell));
    const patterns = [
      {
        id: 'all',
        direction: 0,
        stops,
        runSeconds: runs,
        dwellSeconds: dwells,
        headways: { 'am-peak': l.headway },
      },
    ];
    if (l.both)
      patterns.push({
        id: 'all',
        direction: 1,
        stops: [...stops].reverse(),
        runSeconds: [...runs].reverse(),
        dwellSeconds: [...dwells].reverse(),
        headways: { 'am-peak': l.headway },
      });
    return [{ id: `l${k}`, name: { en: `Line ${k}` }, layer: l.layer, color: '#336699', patterns }];
  });
  const zones = spec.zones.map((z, k) => ({
    id: `z${k}`,
    centroid: lonLat(z.at.x, z.at.y),
    population: z.population,
    jobs: z.jobs,
    ...(spec.assumptions?.surface && k % 2 === 1 && { class: 'rural' }),
  }));
  const a = spec.assumptions;
  return {
    format: 'commuteshed.network/1',
    id: 'fuzz',
    name: { en: 'Fuzz' },
    attribution: [{ text: 'generated' }],
    periods: [{ id: 'am-peak', name: { en: 'AM peak' }, start: '07:00', end: '09:00' }],
    ...(a && {
      assumptions: {
        walkSpeedKmh: a.walkSpeedKmh,
        boardingPenaltySeconds: a.boardingPenaltySeconds,
        layers: { metro: { maxWaitSeconds: a.maxWaitSeconds } },
        ...(a.surface && {
          surface: {
            bus: { headwaySeconds: 900, expressBeyondMeters: 5000 },
            byClass: { rural: { bike: null } },
          },
        }),
      },
    }),
    stations,
    hubs: [],
    lines,
    transfers: spec.transfer
      ? [{ at: { station: `s${spec.transfer.station % stations.length}` }, walkSeconds: spec.transfer.walk }]
      : [],
    zones,
    ...(a?.surface && {
      feeders: [{ id: 'f0', station: 's0', radiusMeters: 4000, headways: { 'am-peak': 600 }, speedKmh: 20 }],
    }),
    core: spec.core ? [{ id: 'core', name: { en: 'Core' }, zones: ['z0'] }] : [],
  };
}

/** A number: mostly a sensible one, sometimes a wild one. */
const num = (sensible: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 20, arbitrary: sensible }, { weight: 1, arbitrary: WILD_NUMBER });
// References are symbolic ("l7", "s3") and bound to the network's own lines and stations (bindRefs).
const lineRef = fc.oneof(
  { weight: 12, arbitrary: fc.nat({ max: 9 }).map((k) => `l${k}`) },
  { weight: 1, arbitrary: fc.constant('nowhere') },
);
const stationRef = fc.oneof(
  { weight: 12, arbitrary: fc.nat({ max: 9 }).map((k) => `s${k}`) },
  { weight: 1, arbitrary: fc.constant('nowhere') },
);
const headways = num(fc.integer({ min: 60, max: 3600 })).map((h) => ({ 'am-peak': h }));
const newStation = fc
  .record({
    x: fc.integer({ min: -9000, max: 9000 }),
    y: fc.integer({ min: -9000, max: 9000 }),
    k: fc.nat({ max: 99 }),
  })
  .map(({ x, y, k }) => ({ id: `new${k}`, name: { en: `New ${k}` }, coord: lonLat(x, y) }));
const stop = fc.oneof(stationRef, newStation);

/** One modification of any type, its references mostly to the generated network's ids. */
export const modification = fc.oneof(
  fc.record({ type: fc.constant('set-headway'), line: lineRef, headways }),
  fc.record({
    type: fc.constant('adjust-speed'),
    line: lineRef,
    speedFactor: num(fc.constantFrom(0.1, 0.5, 0.8, 1.25, 2, 10)),
  }),
  // Stacked slowdowns: each valid, together out of every bound.
  fc.record({ type: fc.constant('adjust-speed'), line: fc.constant('l0'), speedFactor: fc.constant(0.1) }),
  fc.record({
    type: fc.constant('set-processing'),
    layer,
    entrySeconds: num(fc.integer({ min: 0, max: 1200 })),
    exitSeconds: num(fc.integer({ min: 0, max: 600 })),
  }),
  fc.record({
    type: fc.constant('set-transfer'),
    at: stationRef.map((station) => ({ station })),
    walkSeconds: num(fc.integer({ min: 0, max: 900 })),
    processingSeconds: num(fc.integer({ min: 0, max: 900 })),
  }),
  fc.record({
    type: fc.constant('add-line'),
    line: fc
      .nat({ max: 9 })
      .map((k) => ({ id: `n${k}`, name: { en: `N${k}` }, layer: 'suburban', color: '#123456' })),
    stops: fc.array(stop, { minLength: 2, maxLength: 4 }),
    headways,
    speedKmh: num(fc.integer({ min: 20, max: 160 })),
    dwellSeconds: num(fc.integer({ min: 0, max: 120 })),
  }),
  fc.record({
    type: fc.constant('add-line'),
    line: fc
      .nat({ max: 9 })
      .map((k) => ({ id: `r${k}`, name: { en: `R${k}` }, layer: 'metro', color: '#654321' })),
    stops: fc.array(stationRef, { minLength: 2, maxLength: 2 }),
    headways,
    runSeconds: fc.array(num(fc.integer({ min: 60, max: 1800 })), { minLength: 1, maxLength: 1 }),
  }),
  fc.record({
    type: fc.constant('extend-line'),
    line: lineRef,
    end: fc.constantFrom('first', 'last'),
    stops: fc.array(stop, { minLength: 1, maxLength: 2 }),
    speedKmh: num(fc.integer({ min: 20, max: 160 })),
  }),
  fc.record({ type: fc.constant('remove-line'), line: lineRef }),
  fc.record({ type: fc.constant('close-station'), station: stationRef }),
  fc.record({
    type: fc.constant('add-feeder'),
    station: stationRef,
    radiusMeters: num(fc.integer({ min: 100, max: 30_000 })),
    headways,
    speedKmh: num(fc.integer({ min: 5, max: 60 })),
  }),
);

/** Slowdowns stacked on one line: each valid alone, together beyond every bound. */
export const stackedSlowdowns = fc
  .integer({ min: 3, max: 9 })
  .map((n) => Array.from({ length: n }, () => ({ type: 'adjust-speed', line: 'l0', speedFactor: 0.1 })));

/** Modifications to apply: a few of any type, or slowdowns stacked. */
export const modifications = fc.oneof(
  { weight: 9, arbitrary: fc.array(modification, { minLength: 1, maxLength: 5 }) },
  { weight: 1, arbitrary: stackedSlowdowns },
);

/** Corruptions of a scenario file: none in most cases. */
export const scenarioCorruptions = fc.oneof(
  { weight: 3, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.array(corruption, { minLength: 1, maxLength: 2 }) },
);

/** Symbolic references ("l7", "s3") bound to the network's lines and stations, modulo their number. */
export function bindRefs<T>(value: T, lines: readonly string[], stations: readonly string[]): T {
  return JSON.parse(JSON.stringify(value), (_key, v) => {
    if (typeof v !== 'string') return v;
    const m = /^([ls])(\d+)$/.exec(v);
    if (!m) return v;
    const ids = m[1] === 'l' ? lines : stations;
    return ids.length === 0 ? 'nowhere' : ids[Number(m[2]) % ids.length];
  }) as T;
}

export function scenarioFile(modifications: unknown[]): Json {
  return {
    format: 'commuteshed.scenario/1',
    id: 'fuzz',
    name: 'Fuzz',
    description: '',
    network: 'fuzz',
    modifications,
  };
}
