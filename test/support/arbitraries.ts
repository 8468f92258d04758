/**
 * Random small networks and modifications for the property tests. Arbitraries generate plain "specs" of
 * numbers (which shrink well); `buildNetwork` and the modification builders turn a spec into valid domain
 * data deterministically.
 */
import fc from 'fast-check';
import { type AssumptionsInput, resolveAssumptions } from '../../src/domain/assumptions';
import { LAYERS, type LayerId } from '../../src/domain/layer';
import type { Direction, Line, ServicePattern } from '../../src/domain/line';
import type { Network, Period } from '../../src/domain/network';
import { referencePattern, reversePattern } from '../../src/domain/patternOps';
import type { Modification } from '../../src/domain/scenario';
import type { Hub, Station } from '../../src/domain/station';
import type { SurfaceInput } from '../../src/domain/surface';
import type { TransferRule, TransferSide } from '../../src/domain/transfer';
import { at, handAssumptions, network, zone } from './fixtures';

/** The plane the networks live on: metres east / north of 0°, 0°. */
const SIZE = 10000;

const coord = fc.record({ x: fc.integer({ min: 0, max: SIZE }), y: fc.integer({ min: 0, max: SIZE }) });
const layer = fc.constantFrom<LayerId>(...LAYERS);

const offset = fc.record({
  dx: fc.integer({ min: -400, max: 400 }),
  dy: fc.integer({ min: -400, max: 400 }),
});

const stationSpec = fc.record({
  pos: coord,
  /** Close to an earlier station instead (and in one hub with it when `hub`): where changes happen. */
  near: fc.option(fc.record({ anchor: fc.nat(), offset, hub: fc.boolean() }), { nil: undefined, freq: 3 }),
  layer,
  processing: fc.option(
    fc.record({
      entrySeconds: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
      exitSeconds: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    }),
    { nil: undefined, freq: 5 },
  ),
});

const zoneSpec = fc.oneof(
  { weight: 1, arbitrary: fc.record({ pos: coord, near: fc.constant(undefined), rural: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({ pos: coord, near: fc.record({ anchor: fc.nat(), offset }), rural: fc.boolean() }),
  },
);

/**
 * Surface modes (DESIGN.md §2.1): none (walking only, as the hand-worked networks), the defaults, or random
 * parameters — a bike and a bus per zone class, either possibly off — so every kind of access and direct
 * trip occurs, at scales of this 10 km plane.
 */
const busSpec = fc.record({
  speedKmh: fc.integer({ min: 8, max: 40 }),
  expressBeyondMeters: fc.integer({ min: 1000, max: 12000 }),
  expressSpeedKmh: fc.integer({ min: 10, max: 60 }),
  headwaySeconds: fc.integer({ min: 120, max: 3600 }),
  stopWalkMeters: fc.integer({ min: 0, max: 800 }),
  stationStopMeters: fc.integer({ min: 0, max: 200 }),
  accessNearest: fc.integer({ min: 0, max: 3 }),
  accessMaxMeters: fc.integer({ min: 500, max: 15000 }),
});
const bikeSpec = fc.record({
  speedKmh: fc.integer({ min: 8, max: 25 }),
  unlockSeconds: fc.integer({ min: 0, max: 300 }),
  parkSeconds: fc.integer({ min: 0, max: 120 }),
  maxMeters: fc.integer({ min: 300, max: 8000 }),
  accessMaxMeters: fc.integer({ min: 300, max: 5000 }),
});
const surfaceSpec = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'off' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'default' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('custom' as const),
      bike: fc.option(bikeSpec, { nil: null, freq: 4 }),
      bus: fc.option(busSpec, { nil: null, freq: 4 }),
      rural: fc.record({
        bike: fc.option(bikeSpec, { nil: null, freq: 2 }),
        bus: fc.option(busSpec, { nil: null, freq: 4 }),
      }),
      offPeakBusHeadway: fc.option(fc.integer({ min: 120, max: 3600 }), { nil: undefined }),
    }),
  },
);

const feederSpec = fc.record({
  station: fc.nat(),
  radiusMeters: fc.integer({ min: 200, max: 6000 }),
  headway: fc.integer({ min: 120, max: 1800 }),
  speedKmh: fc.integer({ min: 8, max: 40 }),
});

const lineSpec = fc.record({
  layer,
  /** Stops: stations base + offset (mod their number), so lines run through neighbouring station numbers,
   *  overlap in part and need changes; repeats are dropped. */
  base: fc.nat(),
  stops: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 8 }),
  runs: fc.array(fc.integer({ min: 30, max: 900 }), { minLength: 8, maxLength: 8 }),
  dwells: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 8, maxLength: 8 }),
  headway: fc.integer({ min: 60, max: 1800 }),
  /** Off-peak headway, or no off-peak service. */
  offPeak: fc.option(fc.integer({ min: 60, max: 3600 }), { nil: undefined }),
  bidirectional: fc.boolean(),
  shape: fc.constantFrom('plain', 'plain', 'loop', 'express', 'express'),
  /** Which stops the express pattern keeps (the ends always). */
  expressMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  expressHeadway: fc.integer({ min: 120, max: 3600 }),
  /** Seconds the express saves per stop it passes (never more than half the run). */
  expressSaving: fc.integer({ min: 0, max: 600 }),
});

const sideSpec = fc.oneof(
  fc.constant({ kind: 'any' as const }),
  fc.record({ kind: fc.constant('layer' as const), layer }),
  fc.record({
    kind: fc.constant('line' as const),
    line: fc.nat(),
    direction: fc.option(fc.constantFrom<Direction>(0, 1), { nil: undefined }),
  }),
);

const ruleSpec = fc.record({
  place: fc.constantFrom('station', 'hub', 'pair'),
  a: fc.nat(),
  b: fc.nat(),
  from: sideSpec,
  to: sideSpec,
  walk: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  processing: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
});

export const networkSpec = fc.record({
  stations: fc.array(stationSpec, { minLength: 3, maxLength: 14 }),
  lines: fc.array(lineSpec, { minLength: 1, maxLength: 6 }),
  rules: fc.array(ruleSpec, { maxLength: 3 }),
  zones: fc.array(zoneSpec, { minLength: 2, maxLength: 7 }),
  /** Default assumptions (1.5 / 3 km access) or the hand ones (1 km, 1 m/s). */
  hand: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  surface: surfaceSpec,
  feeders: fc.array(feederSpec, { maxLength: 2 }),
  boardingPenalty: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
});

export type NetworkSpec = typeof networkSpec extends fc.Arbitrary<infer T> ? T : never;

const PERIODS: Period[] = [
  { id: 'am-peak', name: { en: 'AM peak' }, start: '07:00', end: '09:00' },
  { id: 'off-peak', name: { en: 'Off-peak' }, start: '10:00', end: '16:00' },
];

function sideOf(spec: NetworkSpec['rules'][number]['from'], lines: Line[]): TransferSide | undefined {
  if (spec.kind === 'any') return undefined;
  if (spec.kind === 'layer') return { layer: spec.layer };
  const l = lines[spec.line % lines.length]!;
  return spec.direction === undefined ? { line: l.id } : { line: l.id, direction: spec.direction };
}

/** A valid network from a spec: every reference known, every array the right length. */
export function buildNetwork(spec: NetworkSpec): Network {
  const positions: { x: number; y: number }[] = [];
  const hubOf: number[] = [];
  const stations: Station[] = spec.stations.map((s, k) => {
    let pos = s.pos;
    hubOf.push(k);
    if (s.near && k > 0) {
      const anchor = s.near.anchor % k;
      pos = { x: positions[anchor]!.x + s.near.offset.dx, y: positions[anchor]!.y + s.near.offset.dy };
      if (s.near.hub) hubOf[k] = hubOf[anchor]!;
    }
    positions.push(pos);
    const st: Station = { id: `s${k}`, name: { en: `s${k}` }, coord: at(pos.x, pos.y), layer: s.layer };
    if (s.processing && (s.processing.entrySeconds !== undefined || s.processing.exitSeconds !== undefined)) {
      st.processing = {
        ...(s.processing.entrySeconds !== undefined && { entrySeconds: s.processing.entrySeconds }),
        ...(s.processing.exitSeconds !== undefined && { exitSeconds: s.processing.exitSeconds }),
      };
    }
    return st;
  });
  const lines: Line[] = [];
  spec.lines.forEach((l, k) => {
    const stops = [...new Set(l.stops.map((i) => `s${(l.base + i) % stations.length}`))];
    if (stops.length < 2) return;
    const n = stops.length;
    const loop = l.shape === 'loop' && n >= 3;
    const headways: Record<string, number> = { 'am-peak': l.headway };
    if (l.offPeak !== undefined) headways['off-peak'] = l.offPeak;
    const main: ServicePattern = {
      id: 'all',
      direction: 0,
      stops,
      runSeconds: l.runs.slice(0, loop ? n : n - 1),
      dwellSeconds: loop
        ? l.dwells.slice(0, n)
        : stops.map((_, i) => (i === 0 || i === n - 1 ? 0 : l.dwells[i]!)),
      headways,
      ...(loop && { loop: true }),
    };
    const patterns = [main];
    if (l.shape === 'express' && n >= 3) {
      const keep = stops.map((_, i) => i).filter((i) => i === 0 || i === n - 1 || l.expressMask[i]);
      const runs: number[] = [];
      for (let h = 0; h + 1 < keep.length; h++) {
        let sum = 0;
        for (let i = keep[h]!; i < keep[h + 1]!; i++) sum += main.runSeconds[i]!;
        runs.push(Math.max(sum / 2, sum - l.expressSaving * (keep[h + 1]! - keep[h]! - 1)));
      }
      patterns.push({
        id: 'exp',
        direction: 0,
        stops: keep.map((i) => stops[i]!),
        runSeconds: runs,
        dwellSeconds: keep.map((i) => main.dwellSeconds[i]!),
        headways: { 'am-peak': l.expressHeadway },
      });
    }
    if (l.bidirectional)
      patterns.push(
        ...patterns.map((p) => reversePattern(p, p.id, 1)).map(({ headsign: _, servedAs: __, ...p }) => p),
      );
    lines.push({ id: `l${k}`, name: { en: `l${k}` }, layer: l.layer, color: '#123456', patterns });
  });

  const hubs: Hub[] = [];
  new Set(hubOf).forEach((root) => {
    const members = stations.filter((_, k) => hubOf[k] === root).map((st) => st.id);
    if (members.length >= 2) hubs.push({ id: `h${root}`, name: { en: `h${root}` }, stations: members });
  });

  const transfers: TransferRule[] = [];
  if (lines.length > 0) {
    for (const r of spec.rules) {
      if (r.walk === undefined && r.processing === undefined) continue;
      let place: TransferRule['at'];
      if (r.place === 'station' || hubs.length === 0) place = { station: `s${r.a % stations.length}` };
      else {
        const hub = hubs[r.a % hubs.length]!;
        if (r.place === 'hub') place = { hub: hub.id };
        else {
          const from = hub.stations[r.a % hub.stations.length]!;
          const to = hub.stations[r.b % hub.stations.length]!;
          // One station twice is a change within it, said as { station }.
          place = from === to ? { station: from } : { stations: [from, to] };
        }
      }
      const rule: TransferRule = { at: place };
      const from = sideOf(r.from, lines);
      const to = sideOf(r.to, lines);
      if (from) rule.from = from;
      if (to) rule.to = to;
      if (r.walk !== undefined) rule.walkSeconds = r.walk;
      if (r.processing !== undefined) rule.processingSeconds = r.processing;
      transfers.push(rule);
    }
  }

  const assumptions: AssumptionsInput = spec.hand ? handAssumptions() : {};
  if (spec.boardingPenalty !== undefined) assumptions.boardingPenaltySeconds = spec.boardingPenalty;
  assumptions.surface = surfaceOf(spec.surface);
  const feeders = spec.feeders.map((f, k) => ({
    id: `f${k}`,
    station: stations[f.station % stations.length]!.id,
    radiusMeters: f.radiusMeters,
    headways: { 'am-peak': f.headway },
    speedKmh: f.speedKmh,
  }));
  return {
    ...network({
      id: 'random',
      zones: spec.zones.map((z, k) => {
        const p = z.near ? positions[z.near.anchor % positions.length]! : z.pos;
        const made = zone(`z${k}`, at(p.x + (z.near?.offset.dx ?? 0), p.y + (z.near?.offset.dy ?? 0)));
        return z.rural ? { ...made, class: 'rural' as const } : made;
      }),
      stations,
      lines,
      hubs,
      transfers,
      assumptions,
    }),
    ...(feeders.length > 0 && { feeders }),
    periods: PERIODS,
  };
}

function surfaceOf(spec: NetworkSpec['surface']): SurfaceInput {
  if (spec.kind === 'off') return { bike: null, bus: null };
  if (spec.kind === 'default') return {};
  const out: SurfaceInput = {
    bike: spec.bike,
    bus: spec.bus,
    byClass: { rural: { bike: spec.rural.bike, bus: spec.rural.bus } },
  };
  if (spec.offPeakBusHeadway !== undefined && spec.bus)
    out.byPeriod = { 'off-peak': { bus: { headwaySeconds: spec.offPeakBusHeadway } } };
  return out;
}

export const arbNetwork = networkSpec.map(buildNetwork);

// ---------------------------------------------------------------------------------------------------------
// Modifications. A modification spec is numbers; `pick` turns them into a modification of a given network.

/** Raw choices a modification builder draws from. */
export const modSpec = fc.record({
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  /** Fractions in [0, 1), evenly (fc.double would favour 0). */
  u: fc.integer({ min: 0, max: 999 }).map((k) => k / 1000),
  v: fc.integer({ min: 0, max: 999 }).map((k) => k / 1000),
  flag: fc.boolean(),
  runs: fc.array(fc.integer({ min: 30, max: 900 }), { minLength: 4, maxLength: 4 }),
  coords: fc.array(coord, { minLength: 3, maxLength: 3 }),
  headway: fc.integer({ min: 60, max: 1800 }),
});
export type ModSpec = typeof modSpec extends fc.Arbitrary<infer T> ? T : never;

const nth = <T>(xs: readonly T[], k: number): T => xs[k % xs.length]!;

/** The stations of a network a line may run through next: a few existing ones, or new ones. */
function stopRefs(
  net: Network,
  m: ModSpec,
  count: number,
  exclude: ReadonlySet<string>,
  layerId: LayerId,
  prefix: string,
) {
  const free = net.stations.filter((s) => !exclude.has(s.id));
  const refs: (string | { id: string; name: { en: string }; coord: [number, number]; layer?: LayerId })[] =
    [];
  const used = new Set<string>();
  for (let k = 0; k < count; k++) {
    const existing = free[(m.a + 7 * k) % Math.max(free.length, 1)];
    if (existing && !used.has(existing.id) && (m.c >> k) % 2 === 0) {
      refs.push(existing.id);
      used.add(existing.id);
    } else {
      const p = m.coords[k % m.coords.length]!;
      refs.push({
        id: `${prefix}${k}`,
        name: { en: `${prefix}${k}` },
        coord: at(p.x, p.y),
        ...((m.b >> k) % 2 === 0 && { layer: layerId }),
      });
    }
  }
  return refs;
}

/** Current am-peak headway of pattern id `pid` on `line` (the longest over directions), or undefined. */
function headwaysOf(line: Line, pids: ReadonlySet<string>): number[] {
  return line.patterns
    .filter((p) => pids.has(p.id))
    .map((p) => p.headways['am-peak'] ?? Number.POSITIVE_INFINITY);
}

export const IMPROVING = [
  'add-feeder',
  'add-line',
  'add-pattern',
  'extend-line',
  'set-headway',
  'adjust-speed',
  'set-transfer',
  'set-processing',
] as const;
export const WORSENING = [
  'remove-line',
  'set-headway',
  'adjust-speed',
  'set-transfer',
  'set-processing',
] as const;
export type Kind = (typeof IMPROVING)[number] | (typeof WORSENING)[number];

/**
 * A modification of `kind` that improves (`better`) or worsens the network for every rider, in planner terms:
 * more or faster service, lower times — or the opposite. Undefined when the network offers nothing to modify.
 */
export function monotoneModification(
  net: Network,
  kind: Kind,
  better: boolean,
  m: ModSpec,
): Modification | undefined {
  const lines = net.lines;
  if (
    lines.length === 0 &&
    kind !== 'add-line' &&
    kind !== 'add-feeder' &&
    kind !== 'set-transfer' &&
    kind !== 'set-processing'
  )
    return undefined;
  switch (kind) {
    case 'add-feeder': {
      // A station trains call at (a feeder to an idle one serves nobody).
      const served = [...new Set(lines.flatMap((l) => l.patterns.flatMap((p) => p.stops)))];
      return {
        type: 'add-feeder',
        station: served.length > 0 ? nth(served, m.a) : nth(net.stations, m.a).id,
        radiusMeters: 1000 + Math.round(m.u * 8000),
        headways: { 'am-peak': m.headway },
        speedKmh: 15 + Math.round(m.v * 45),
      };
    }
    case 'add-line': {
      const layerId = nth(LAYERS, m.a);
      const count = 2 + (m.b % 3);
      const stops = stopRefs(net, m, count, new Set(), layerId, 'added-');
      const runTimes = m.flag
        ? { runSeconds: m.runs.slice(0, count - 1) }
        : { speedKmh: 20 + Math.round(m.u * 200) };
      return {
        type: 'add-line',
        line: { id: 'added', name: { en: 'added' }, layer: layerId, color: '#ff0000' },
        stops,
        headways: { 'am-peak': m.headway },
        bidirectional: m.v < 0.7,
        ...runTimes,
      };
    }
    case 'add-pattern': {
      const candidates = lines.filter((l) => !referencePattern(l, 0)?.loop && referencePattern(l, 0));
      if (candidates.length === 0) return undefined;
      const line = nth(candidates, m.a);
      const ref = referencePattern(line, 0)!;
      const keep = ref.stops.filter((_, k) => (m.c >> k) % 2 === 0 || k === m.b % ref.stops.length);
      const stops = keep.length >= 2 ? keep : [ref.stops[0]!, ref.stops.at(-1)!];
      return {
        type: 'add-pattern',
        line: line.id,
        pattern: { id: 'added', stops, headways: { 'am-peak': m.headway } },
      };
    }
    case 'extend-line': {
      const candidates = lines.filter((l) => referencePattern(l, 0) && !referencePattern(l, 0)!.loop);
      if (candidates.length === 0) return undefined;
      const line = nth(candidates, m.a);
      const onLine = new Set(line.patterns.flatMap((p) => p.stops));
      const count = 1 + (m.b % 2);
      return {
        type: 'extend-line',
        line: line.id,
        end: m.flag ? 'last' : 'first',
        stops: stopRefs(net, m, count, onLine, line.layer, 'extended-'),
        runSeconds: m.runs.slice(0, count),
      };
    }
    case 'set-headway': {
      const line = nth(lines, m.a);
      const ids = [...new Set(line.patterns.map((p) => p.id))];
      const chosen = m.flag ? ids : [nth(ids, m.b)];
      const current = headwaysOf(line, new Set(chosen));
      // Better: at most the shortest current headway of every chosen pattern; worse: at least the longest
      // (and only patterns that run at all: a headway for a pattern with no service adds service).
      if (!better && current.some((h) => !Number.isFinite(h))) return undefined;
      const h = better
        ? Math.max(1, Math.floor(Math.min(...current, 3600) * (0.2 + 0.8 * m.u)))
        : Math.ceil(Math.max(...current) * (1 + 3 * m.u));
      return {
        type: 'set-headway',
        line: line.id,
        ...(!m.flag && { patterns: chosen }),
        headways: { 'am-peak': h },
      };
    }
    case 'adjust-speed': {
      const line = nth(lines, m.a);
      const factor = better ? 1 + 3 * m.u : 0.25 + 0.75 * m.u;
      const ref = referencePattern(line, 0) ?? line.patterns[0]!;
      const i = m.b % ref.stops.length;
      const j = m.c % ref.stops.length;
      const segment = !m.flag && i !== j ? { from: ref.stops[i]!, to: ref.stops[j]! } : {};
      return { type: 'adjust-speed', line: line.id, speedFactor: factor, ...segment };
    }
    case 'set-transfer': {
      const { at: place, from, to } = transferTarget(net, m);
      // Better: 0 (nothing is quicker than no time); worse: more than any time the model uses.
      const value = better ? 0 : 5000 + Math.round(m.u * 1000);
      const fields =
        m.c % 3 === 0
          ? { walkSeconds: value }
          : m.c % 3 === 1
            ? { processingSeconds: value }
            : { walkSeconds: value, processingSeconds: value };
      return { type: 'set-transfer', at: place, ...(from && { from }), ...(to && { to }), ...fields };
    }
    case 'set-processing': {
      const target = processingTarget(net, m);
      // Better: at most the smallest current value of the stations it covers; worse: at least the largest.
      const scale = (min: number, max: number) =>
        better ? Math.floor(min * m.u) : Math.ceil(max * (1 + m.u)) + 60;
      const entrySeconds = scale(target.entry[0], target.entry[1]);
      const exitSeconds = scale(target.exit[0], target.exit[1]);
      const fields =
        m.c % 3 === 0 ? { entrySeconds } : m.c % 3 === 1 ? { exitSeconds } : { entrySeconds, exitSeconds };
      return { type: 'set-processing', ...target.spec, ...fields };
    }
    case 'remove-line':
      return { type: 'remove-line', line: nth(lines, m.a).id };
  }
}

/** A place and sides for a transfer rule in `net`. */
export function transferTarget(
  net: Network,
  m: ModSpec,
): { at: TransferRule['at']; from?: TransferSide; to?: TransferSide } {
  // Preferably a station where riders can change: two lines stop there.
  const linesAt = (s: string) => net.lines.filter((l) => l.patterns.some((p) => p.stops.includes(s))).length;
  const changes = net.stations.filter((s) => linesAt(s.id) >= 2);
  const station = nth(changes.length > 0 ? changes : net.stations, m.a).id;
  let place: TransferRule['at'] = { station };
  if (net.hubs.length > 0 && m.b % 3 !== 0) {
    const hub = nth(net.hubs, m.a);
    const [from, to] = [nth(hub.stations, m.a), nth(hub.stations, m.c)];
    place = m.b % 3 === 1 ? { hub: hub.id } : from === to ? { station: from } : { stations: [from, to] };
  }
  const side = (k: number): TransferSide | undefined => {
    if (k % 3 === 0 || net.lines.length === 0) return undefined;
    if (k % 3 === 1) return { layer: nth(net.lines, k).layer };
    return { line: nth(net.lines, k).id };
  };
  const from = side(m.b >> 2);
  const to = side(m.c >> 2);
  return { at: place, ...(from && { from }), ...(to && { to }) };
}

/**
 * A set-processing target (a layer, some stations or a hub) and the [smallest, largest] current entry and exit
 * processing of the stations it sets, so a value below the smallest is a cut and one above the largest a rise.
 */
function processingTarget(net: Network, m: ModSpec) {
  const layers = resolveAssumptions(net.assumptions).layers;
  const kind = m.b % 3;
  if (kind === 0) {
    // A layer: it sets the stations of the layer that have no value of their own.
    const l = nth(LAYERS, m.a);
    const { entrySeconds: entry, exitSeconds: exit } = layers[l];
    return { spec: { layer: l }, entry: [entry, entry], exit: [exit, exit] };
  }
  const byHub = kind === 2 && net.hubs.length > 0;
  const stations = byHub
    ? nth(net.hubs, m.a).stations.map((id) => net.stations.find((s) => s.id === id)!)
    : [nth(net.stations, m.a), nth(net.stations, m.c)];
  const entries = stations.map((s) => s.processing?.entrySeconds ?? layers[s.layer].entrySeconds);
  const exits = stations.map((s) => s.processing?.exitSeconds ?? layers[s.layer].exitSeconds);
  const spec = byHub ? { hub: nth(net.hubs, m.a).id } : { stations: [...new Set(stations.map((s) => s.id))] };
  return {
    spec,
    entry: [Math.min(...entries), Math.max(...entries)],
    exit: [Math.min(...exits), Math.max(...exits)],
  };
}
