/**
 * The four model invariants of DESIGN.md §2, as properties over random small networks (random stations on a
 * 6 × 6 km plane in all four layers, lines of 2–8 stops with random runs, dwells and headways, loops and
 * express patterns, hubs, transfer rules, station processing, zones) and random modifications.
 *
 * Seeds are fixed so CI is stable; on a failure fast-check prints the seed, path and the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import { LAYERS } from '../../src/domain/layer';
import type { Network } from '../../src/domain/network';
import { referencePattern } from '../../src/domain/patternOps';
import { baselineScenario, type Modification } from '../../src/domain/scenario';
import type { CompactGraph } from '../../src/engine/types';
import { compileGraph } from '../../src/graph/compile';
import {
  buildNetwork,
  IMPROVING,
  type Kind,
  type ModSpec,
  modSpec,
  monotoneModification,
  networkSpec,
  transferTarget,
  WORSENING,
} from '../support/arbitraries';
import { at, scenario } from '../support/fixtures';
import { disagreements } from '../support/reference';
import { route } from '../support/route';

const SEED = 0x4e7;
const runs = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

const PERIOD = fc.constantFrom('am-peak', 'off-peak');

function costs(net: Network, period = 'am-peak'): { zones: string[]; costs: Float64Array[] } {
  const r = route(net, period);
  return { zones: r.compact.zones, costs: r.matrix().costs };
}

function applyOrFail(net: Network, mods: Modification[]): Network {
  const result = applyScenario(net, scenario(mods, net.id));
  if (!result.ok)
    throw new Error(`modifications do not apply: ${JSON.stringify(result.issues)}\n${JSON.stringify(mods)}`);
  return result.network;
}

/** Every O→D of `after` compared with `before` by `ok`; the first pair that is not is reported. */
function compareAll(
  before: Network,
  after: Network,
  ok: (b: number, a: number) => boolean,
  what: string,
): void {
  const b = costs(before);
  const a = costs(after);
  b.zones.forEach((o, i) => {
    b.zones.forEach((d, j) => {
      const cb = b.costs[i]![j]!;
      const ca = a.costs[a.zones.indexOf(o)]![a.zones.indexOf(d)]!;
      if (!ok(cb, ca)) throw new Error(`${what}: ${o}→${d} cost ${cb} before, ${ca} after`);
    });
  });
}

const noWorse = (before: Network, after: Network) => compareAll(before, after, (b, a) => a <= b, 'cost rose');
const noBetter = (before: Network, after: Network) =>
  compareAll(before, after, (b, a) => a >= b, 'cost fell');

/** Every typed array of two compiled graphs, byte for byte. */
function expectSameCompiled(a: CompactGraph, b: CompactGraph): void {
  for (const key of Object.keys(a) as (keyof CompactGraph)[]) {
    const x = a[key];
    const y = b[key];
    if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
      expect(
        Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(
          Buffer.from(y.buffer, y.byteOffset, y.byteLength),
        ),
        key,
      ).toBe(true);
    } else expect(y, key).toEqual(x);
  }
}

function bytes(rows: Float64Array[]): Buffer {
  return Buffer.concat(rows.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength)));
}

describe('invariant 1: an empty scenario reproduces the baseline exactly', () => {
  it('bit for bit, for every O→D and both periods', () => {
    fc.assert(
      fc.property(networkSpec, PERIOD, (spec, period) => {
        const base = buildNetwork(spec);
        const result = applyScenario(base, baselineScenario(base.id));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.network).toEqual(base);
        const a = route(base, period);
        const b = route(result.network, period);
        expectSameCompiled(a.compact, b.compact);
        const ma = a.matrix();
        const mb = b.matrix();
        expect(bytes(mb.costs).equals(bytes(ma.costs))).toBe(true);
        expect(bytes(mb.times).equals(bytes(ma.times))).toBe(true);
      }),
      runs(60),
    );
  });

  it('a scenario whose modifications are all disabled is the baseline too', () => {
    fc.assert(
      fc.property(
        networkSpec,
        fc.constantFrom<Kind>(...IMPROVING, ...WORSENING),
        modSpec,
        (spec, kind, m) => {
          const base = buildNetwork(spec);
          const mod = monotoneModification(base, kind, m.flag, m);
          fc.pre(mod !== undefined);
          const net = applyOrFail(base, [{ ...mod!, enabled: false }]);
          expect(net).toEqual(base);
          expect(bytes(route(net).matrix().costs).equals(bytes(route(base).matrix().costs))).toBe(true);
        },
      ),
      runs(40),
    );
  });
});

describe('invariant 2: monotonicity of perceived cost', () => {
  // Single modifications that give riders more or faster service or quicker changes: no O→D costs more.
  for (const kind of IMPROVING) {
    it(`${kind} (more or faster) never makes any O→D cost more`, () => {
      fc.assert(
        fc.property(networkSpec, modSpec, (spec, m) => {
          const base = buildNetwork(spec);
          const mod = monotoneModification(base, kind, true, m);
          fc.pre(mod !== undefined);
          noWorse(base, applyOrFail(base, [mod!]));
        }),
        runs(50),
      );
    });
  }

  for (const kind of WORSENING) {
    it(`${kind} (less or slower) never makes any O→D cost less`, () => {
      fc.assert(
        fc.property(networkSpec, modSpec, (spec, m) => {
          const base = buildNetwork(spec);
          const mod = monotoneModification(base, kind, false, m);
          fc.pre(mod !== undefined);
          noBetter(base, applyOrFail(base, [mod!]));
        }),
        runs(50),
      );
    });
  }

  it('several improvements in one scenario never make any O→D cost more', () => {
    fc.assert(
      fc.property(
        networkSpec,
        fc.uniqueArray(fc.constantFrom<Kind>(...IMPROVING), { minLength: 2, maxLength: 4 }),
        modSpec,
        modSpec,
        (spec, kinds, m1, m2) => {
          const base = buildNetwork(spec);
          // Each is an improvement of the base; set-headway names its patterns so it cannot touch an added one.
          const mods = kinds
            .map((kind, k) => monotoneModification(base, kind, true, k % 2 === 0 ? m1 : m2))
            .filter((mod): mod is Modification => mod !== undefined)
            .map((mod) =>
              mod.type === 'set-headway' && !mod.patterns
                ? {
                    ...mod,
                    patterns: [
                      ...new Set(base.lines.find((l) => l.id === mod.line)!.patterns.map((p) => p.id)),
                    ],
                  }
                : mod,
            );
          fc.pre(mods.length > 0);
          noWorse(base, applyOrFail(base, mods));
        },
      ),
      runs(40),
    );
  });

  it('set-transfer at a change riders make: 0 s makes that O→D cheaper, a long time dearer, nothing the other way', () => {
    fc.assert(
      fc.property(networkSpec, fc.nat(), fc.boolean(), (spec, pick, both) => {
        const base = buildNetwork(spec);
        const r = route(base);
        // Every O→D whose route changes trains, with the change it makes.
        const changes: {
          o: string;
          d: string;
          mod: Omit<Modification & { type: 'set-transfer' }, 'walkSeconds' | 'processingSeconds'>;
          seconds: number;
        }[] = [];
        for (const o of r.compact.zones) {
          for (const d of r.compact.zones) {
            const legs = r.trip(o, d)?.legs ?? [];
            legs.forEach((leg, k) => {
              if (leg.kind !== 'transfer') return;
              const before = legs[k - 1];
              const after = legs[k + 1];
              if (before?.kind !== 'ride' || after?.kind !== 'ride')
                throw new Error('a transfer leg between two rides');
              changes.push({
                o,
                d,
                seconds: leg.walkSeconds + leg.processingSeconds,
                mod: {
                  type: 'set-transfer',
                  at: leg.from === leg.to ? { station: leg.from } : { stations: [leg.from, leg.to] },
                  from: both ? { line: before.line, direction: before.direction } : { line: before.line },
                  to: { line: after.line, direction: after.direction },
                },
              });
            });
          }
        }
        fc.pre(changes.length > 0);
        const change = changes[pick % changes.length]!;
        const lower = applyOrFail(base, [{ ...change.mod, walkSeconds: 0, processingSeconds: 0 }]);
        const higher = applyOrFail(base, [{ ...change.mod, walkSeconds: 5000, processingSeconds: 5000 }]);
        noWorse(base, lower);
        noBetter(base, higher);
        // The change this rider makes got quicker, so their trip is cheaper (perceived weights are > 0).
        if (change.seconds > 0)
          expect(route(lower).od(change.o, change.d).cost).toBeLessThan(r.od(change.o, change.d).cost);
      }),
      runs(40),
    );
  });

  it('set-headway on one pattern of a pooled ride (common lines): more trains never worse, fewer never better', () => {
    fc.assert(
      fc.property(networkSpec, fc.nat(), fc.integer({ min: 1, max: 99 }), (spec, pick, percent) => {
        const base = buildNetwork(spec);
        const r = route(base);
        // Rides riders take on the first train of several patterns, from the routes of every O→D.
        const pooled: { line: string; pattern: string }[] = [];
        for (const o of r.compact.zones) {
          for (const d of r.compact.zones) {
            for (const leg of r.trip(o, d)?.legs ?? []) {
              if (leg.kind === 'ride' && leg.patterns.length > 1)
                pooled.push(...leg.patterns.map((pattern) => ({ line: leg.line, pattern })));
            }
          }
        }
        fc.pre(pooled.length > 0);
        const { line, pattern } = pooled[pick % pooled.length]!;
        const current = Math.max(
          ...base.lines
            .find((l) => l.id === line)!
            .patterns.filter((p) => p.id === pattern)
            .map((p) => p.headways['am-peak']!),
        );
        const set = (h: number) =>
          applyOrFail(base, [{ type: 'set-headway', line, patterns: [pattern], headways: { 'am-peak': h } }]);
        noWorse(base, set(Math.max(1, Math.floor((current * percent) / 100))));
        noBetter(base, set(Math.ceil((current * 100) / percent)));
      }),
      runs(60),
    );
  });

  it('remove-line on a network with through-running never makes any O→D cost less', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, fc.nat(), (spec, m, k) => {
        const base = buildNetwork(spec);
        const through = applyOrFail(base, anyModifications(base, m, 2));
        const ran = through.lines.filter((l) => l.patterns.some((p) => p.servedAs?.length));
        fc.pre(ran.length > 0);
        // Either line of the through-run, or any other.
        const line = k % 2 === 0 ? ran[k % ran.length]! : through.lines[k % through.lines.length]!;
        noBetter(through, applyOrFail(through, [{ type: 'remove-line', line: line.id }]));
      }),
      runs(40),
    );
  });

  // The same modification at two values: the smaller headway / the faster factor / the lower time is never worse.
  const pair = fc
    .tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }))
    .map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);

  it('set-headway: a shorter headway is never worse than a longer one', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, pair, (spec, m, [lo, hi]) => {
        const base = buildNetwork(spec);
        fc.pre(base.lines.length > 0);
        const line = base.lines[m.a % base.lines.length]!;
        const ids = [...new Set(line.patterns.map((p) => p.id))];
        const mod = (h: number): Modification => ({
          type: 'set-headway',
          line: line.id,
          ...(!m.flag && { patterns: [ids[m.b % ids.length]!] }),
          headways: { 'am-peak': h + 1 },
        });
        noWorse(applyOrFail(base, [mod(hi)]), applyOrFail(base, [mod(lo)]));
      }),
      runs(50),
    );
  });

  it('adjust-speed: a higher factor is never worse than a lower one (whole line or segment)', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, pair, (spec, m, [lo, hi]) => {
        const base = buildNetwork(spec);
        fc.pre(base.lines.length > 0);
        const line = base.lines[m.a % base.lines.length]!;
        const ref = referencePattern(line, 0) ?? line.patterns[0]!;
        const i = m.b % ref.stops.length;
        const j = m.c % ref.stops.length;
        const mod = (x: number): Modification => ({
          type: 'adjust-speed',
          line: line.id,
          speedFactor: 0.1 + (9.9 * x) / 4000,
          ...(!m.flag && i !== j && { from: ref.stops[i]!, to: ref.stops[j]! }),
        });
        noWorse(applyOrFail(base, [mod(lo)]), applyOrFail(base, [mod(hi)]));
      }),
      runs(50),
    );
  });

  it('set-transfer: a lower walk or processing time is never worse than a higher one', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, pair, (spec, m, [lo, hi]) => {
        const base = buildNetwork(spec);
        const target = transferTarget(base, m);
        const mod = (v: number): Modification => ({
          type: 'set-transfer',
          ...target,
          ...(m.c % 3 !== 1 && { walkSeconds: v }),
          ...(m.c % 3 !== 0 && { processingSeconds: v }),
        });
        noWorse(applyOrFail(base, [mod(hi)]), applyOrFail(base, [mod(lo)]));
      }),
      runs(50),
    );
  });

  it('set-processing: a lower entry or exit time is never worse than a higher one', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, pair, (spec, m, [lo, hi]) => {
        const base = buildNetwork(spec);
        const target =
          m.b % 3 === 0
            ? { layer: LAYERS[m.a % 4]! }
            : m.b % 3 === 1 || base.hubs.length === 0
              ? { stations: [base.stations[m.a % base.stations.length]!.id] }
              : { hub: base.hubs[m.a % base.hubs.length]!.id };
        const mod = (v: number): Modification => ({
          type: 'set-processing',
          ...target,
          ...(m.c % 3 !== 1 && { entrySeconds: v }),
          ...(m.c % 3 !== 0 && { exitSeconds: v }),
        });
        noWorse(applyOrFail(base, [mod(hi)]), applyOrFail(base, [mod(lo)]));
      }),
      runs(50),
    );
  });
});

/**
 * Any modification, monotone or not (through-runs onto a new line, closed stations too), so the path
 * invariants are checked on networks the scenarios make as well as on random bases.
 */
function anyModifications(base: Network, m: ModSpec, choice: number): Modification[] {
  switch (choice % 5) {
    case 0:
      return [];
    case 1:
      return [{ type: 'close-station', station: base.stations[m.a % base.stations.length]!.id }];
    case 2: {
      // A new line starting where an existing line ends, and trains running through from one to the other.
      const line = base.lines.find((l) => referencePattern(l, 0) && !referencePattern(l, 0)!.loop);
      if (!line) return [];
      const end = referencePattern(line, 0)!.stops.at(-1)!;
      const p = m.coords[0]!;
      return [
        {
          type: 'add-line',
          line: { id: 'onward', name: { en: 'onward' }, layer: line.layer, color: '#00ff00' },
          stops: [end, { id: 'onward-end', name: { en: 'onward end' }, coord: at(p.x, p.y) }],
          runSeconds: [m.runs[0]!],
          headways: { 'am-peak': m.headway },
          bidirectional: m.c % 2 === 0,
        },
        { type: 'through-run', from: line.id, to: 'onward', station: end },
      ];
    }
    default: {
      const kinds = [...IMPROVING, ...WORSENING];
      const mod = monotoneModification(base, kinds[m.b % kinds.length]!, m.flag, m);
      return mod ? [mod] : [];
    }
  }
}

/**
 * The networks the path invariants are checked on: the base, a scenario of it, and that with a line removed
 * or a station closed (later scenarios on a network that already runs through, say).
 */
function networksOf(base: Network, m: ModSpec, choice: number): Network[] {
  const changed = applyOrFail(base, anyModifications(base, m, choice));
  const nets = [base, changed];
  if (changed.lines.length > 0)
    nets.push(
      applyOrFail(changed, [{ type: 'remove-line', line: changed.lines[m.c % changed.lines.length]!.id }]),
    );
  // Half the time the far end of a through train, where closing can take a whole line away.
  const through = changed.lines.flatMap((l) => l.patterns.filter((p) => p.servedAs?.length));
  const station =
    m.flag && through.length > 0
      ? through[m.b % through.length]!.stops.at(-1)!
      : changed.stations[m.b % changed.stations.length]!.id;
  nets.push(applyOrFail(changed, [{ type: 'close-station', station }]));
  return nets;
}

describe('invariants 3 and 4: paths', () => {
  it('3: trip().time is the sum of its parts and the time row() reports; trip().cost is row() cost', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, fc.nat(), PERIOD, (spec, m, choice, period) => {
        const base = buildNetwork(spec);
        for (const net of networksOf(base, m, choice)) {
          const r = route(net, period);
          const { times, costs: rowCosts } = r.matrix();
          r.compact.zones.forEach((o, i) => {
            r.compact.zones.forEach((d, j) => {
              const trip = r.router.trip(i, j);
              const where = `${o}→${d}`;
              if (!Number.isFinite(rowCosts[i]![j]!)) {
                expect(trip, where).toBeUndefined();
                expect(times[i]![j], where).toBe(Number.POSITIVE_INFINITY);
                return;
              }
              expect(trip, where).toBeDefined();
              const t = trip!;
              expect(t.time, where).toBe(
                t.walk + t.bike + t.bus + t.wait + t.ride + t.transfer + t.processing,
              );
              expect(t.time, where).toBe(times[i]![j]);
              expect(t.cost, where).toBe(rowCosts[i]![j]);
              // The legs tell the same story as the parts.
              const rides = t.legs.filter((l) => l.kind === 'ride');
              const buses = t.legs.filter((l) => l.kind === 'bus');
              expect(rides.length + buses.length, where).toBe(t.boardings);
              // Rail when a train is ridden; a trip on bus routes only is a bus trip, like the area-wide bus.
              const layerOf = (id: string) => net.lines.find((l) => l.id === id)?.layer;
              const expected = rides.some((l) => layerOf(l.line) !== 'bus')
                ? 'rail'
                : rides.length > 0
                  ? 'bus'
                  : (t.legs[0]?.kind ?? 'walk');
              expect(t.mode, where).toBe(expected);
              expect(t.legs.filter((l) => l.kind === 'transfer').length, where).toBe(
                Math.max(0, rides.length - 1),
              );
              const legSeconds = t.legs.reduce(
                (s, l) =>
                  s +
                  (l.kind === 'ride'
                    ? l.waitSeconds + l.rideSeconds
                    : l.kind === 'transfer'
                      ? l.walkSeconds + l.processingSeconds
                      : l.seconds),
                0,
              );
              expect(legSeconds, where).toBe(t.time);
            });
          });
        }
      }),
      runs(60),
    );
  });

  it('4: the engine agrees with graphology-shortest-path on the same graph, for every pair', () => {
    fc.assert(
      fc.property(networkSpec, modSpec, fc.nat(), PERIOD, (spec, m, choice, period) => {
        const base = buildNetwork(spec);
        for (const net of networksOf(base, m, choice)) {
          const r = route(net, period);
          // Router.row and StationRows.row (what the workers use) against the reference, every pair.
          expect(disagreements(r)).toEqual([]);
          // The engine's arrays are compiled from the very graph the reference searches.
          expectSameCompiled(compileGraph(r.graph), r.compact);
        }
      }),
      runs(40),
    );
  });
});
