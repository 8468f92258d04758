/**
 * Rail trips loaded on their paths (engine/railLoads.ts, engine/patternLoads.ts), on hand-made networks with
 * the flows worked out in comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternLoads } from '../../src/engine/patternLoads';
import { RailLoads } from '../../src/engine/railLoads';
import { Router } from '../../src/engine/router';
import { StationRows } from '../../src/engine/stationRows';
import { EDGE_KIND } from '../../src/engine/types';
import { buildSpec } from '../../src/graph/build';
import { compile } from '../../src/graph/compile';
import { arbNetwork } from '../support/arbitraries';
import { changeAtX } from '../support/changeAtX';
import { at, line, network, pattern, station, zone } from '../support/fixtures';
import { route } from '../support/route';

function loads(net: Parameters<typeof route>[0], trips: Record<string, Record<string, number>>) {
  const r = route(net);
  const g = r.compact;
  const router = new Router(g);
  const rail = new RailLoads(router, new StationRows(router));
  for (const [o, row] of Object.entries(trips)) {
    const t = new Float64Array(g.zoneCount);
    for (const [d, n] of Object.entries(row)) t[r.zone(d)] = n;
    rail.add(r.zone(o), [t]);
  }
  const flows = rail.flows()[0]!;
  const byPattern = patternLoads(g, flows.edge);
  const of = (lineId: string, dir: 0 | 1, id: string) => {
    const k = g.patterns.findIndex((p) => p.line === lineId && p.direction === dir && p.pattern === id);
    // Shares are fractions of departures: round off the last bits of a product such as 90 × 2/3.
    const r9 = (a: Float64Array) => [...a].map((x) => Math.round(x * 1e9) / 1e9);
    return { boardings: r9(byPattern.boardings[k]!), hops: r9(byPattern.hops[k]!) };
  };
  const kindFlow = (kind: number) => flows.edge.reduce((s, f, e) => (g.edgeKind[e] === kind ? s + f : s), 0);
  return { r, g, flows, of, kindFlow };
}

describe('loading rail trips', () => {
  //  O ·200 m· A ──M1 300 s── B ──M1 300 s── X      (B: dwell 30 s)
  //                                           │ M2 400 s
  //                                           C ·300 m· D
  // (test/model/hand.test.ts (a): O → D rides M1 A → X, changes, rides M2 X → C.)
  const net = changeAtX(zone('B1', at(2500, 150)));

  it('100 trips O → D and 40 B1 → D: boardings, hop loads, one change each, entries and exits', () => {
    // O → D: enter A, M1 A → B → X (2 hops), change at X, M2 X → C, leave C.
    // B1 → D: walk 150 m to B, M1 B → X, change, M2 X → C.
    // M1 direction 0: boardings A 100, B 40; hops A→B 100, B→X 140. M2: boards X 140, hop X→C 140.
    const { flows, of, kindFlow } = loads(net, { O: { D: 100 }, B1: { D: 40 } });
    expect(of('M1', 0, 'all')).toEqual({ boardings: [100, 40, 0], hops: [100, 140, 0] });
    expect(of('M2', 0, 'all')).toEqual({ boardings: [140, 0], hops: [140, 0] });
    expect(kindFlow(EDGE_KIND.transfer)).toBe(140);
    expect(kindFlow(EDGE_KIND.exit)).toBe(140);
    expect([...flows.access].reduce((s, x) => s + x, 0)).toBe(140);
    expect([...flows.egress].reduce((s, x) => s + x, 0)).toBe(140);
  });

  it('trips with no rail path, or a zone to itself, load nothing; origins in any order give the same bits', () => {
    const a = loads(net, { O: { D: 100, O: 5 }, B1: { D: 40 } });
    const b = loads(net, { B1: { D: 40 }, O: { O: 5, D: 100 } });
    expect([...a.flows.edge]).toEqual([...b.flows.edge]);
  });

  it('a pooled ride splits its riders by the departures each pattern offers', () => {
    //  A ──── B ──── C: all-stop every 300 s (A → C 600 s with a 30 s dwell at B), express A → C every 600 s
    //  (400 s). From A to C riders take whichever comes first (express 400 + all-stop 630 s, the strategy
    //  keeps both): shares 1/600 : 1/300 = 1/3 express, 2/3 all-stop. 90 trips: express 30, all-stop 60.
    const pooled = network({
      zones: [zone('ZA', at(0, 100)), zone('ZC', at(10000, 100))],
      stations: [station('A', at(0)), station('B', at(5000)), station('C', at(10000))],
      lines: [
        {
          ...line('L', 'metro', ['A', 'B', 'C'], [300, 300], 300, 30),
          patterns: [
            pattern('all', 0, ['A', 'B', 'C'], [300, 300], 300, 30),
            pattern('exp', 0, ['A', 'C'], [400], 600),
          ],
        },
      ],
    });
    const { of } = loads(pooled, { ZA: { ZC: 90 } });
    expect(of('L', 0, 'all')).toEqual({ boardings: [60, 0, 0], hops: [60, 60, 0] });
    expect(of('L', 0, 'exp')).toEqual({ boardings: [30, 0], hops: [30, 0] });
  });
});

describe('the trees rail loads go down (StationRows.treeOf)', () => {
  it('are the trees a new search from the station gives, kept or searched again after eviction; the loads alike', () => {
    fc.assert(
      fc.property(arbNetwork, fc.nat(), (net, seed) => {
        const g = compile(buildSpec(net, 'am-peak'));
        const kept = new StationRows(new Router(g));
        // A budget of one row: every other station's row is evicted, and its tree searched again.
        const evicting = new StationRows(new Router(g), 1);
        const time = new Float64Array(g.zoneCount);
        const cost = new Float64Array(g.zoneCount);
        const link = new Int32Array(g.zoneCount);
        for (let o = 0; o < g.zoneCount; o++) kept.railRow(o, time, cost, link);
        const fresh = new Router(g);
        for (const entered of new Set(g.accessNode)) {
          fresh.searchFromStation(entered);
          // Children before parents: each node's predecessor edge starts at a node pushed after it.
          const tree = kept.treeOf(entered);
          const position = new Int32Array(g.nodeCount).fill(-1);
          tree.order.forEach((n, i) => {
            position[n] = i;
          });
          const source = (e: number) => {
            let n = 0;
            while (g.edgeStart[n + 1]! <= e) n++;
            return n;
          };
          for (const n of tree.order) {
            expect(tree.pred[n]).toBe(fresh.pred[n]);
            const from = source(tree.pred[n]!);
            if (from !== entered) expect(position[from]).toBeGreaterThan(position[n]!);
          }
          for (let n = 0; n < g.nodeCount; n++)
            if (fresh.pred[n]! >= 0) expect(position[n], `node ${n} reached`).toBeGreaterThanOrEqual(0);
          expect(evicting.treeOf(entered)).toEqual(tree);
        }
        // Loads made with either cache are the same, bit for bit.
        let s = seed;
        const rnd = () => {
          s = (s * 1103515245 + 12345) % 2147483648;
          return s / 2147483648;
        };
        const a = new RailLoads(new Router(g), kept, 2);
        const b = new RailLoads(new Router(g), evicting, 2);
        for (let o = 0; o < g.zoneCount; o++) {
          const trips = [0, 1].map(() =>
            Float64Array.from({ length: g.zoneCount }, () => (rnd() < 0.7 ? rnd() * 100 : 0)),
          );
          a.add(o, trips);
          b.add(o, trips);
        }
        expect(a.units()).toEqual(b.units());
      }),
      { seed: 20261205, numRuns: 60, endOnFailure: false },
    );
  });
});
