/**
 * Hand-computed synthetic networks (DESIGN.md §2, §6: expected times worked out in comments).
 *
 * Every network uses handAssumptions(): walking and station access at 1 m/s with no detour (d metres = d
 * seconds), 1000 m maximum access and direct walk, and the default weights: walk 2, wait 2, in-vehicle 1,
 * processing 1.5, transfer walk 2, boarding penalty 300 s (perceived only, on every boarding after the
 * first). Stations and zones lie on one meridian or on the equator from each other (at(x, y)), so distances
 * come out to the metre. Default processing: metro entry 120 / exit 60, suburban 300 / 180, trunk 900 / 300.
 * Wait = min(combined headway / 2, 600).
 */
import { describe, expect, it } from 'vitest';
import type { Leg, LegPlace, SurfaceLeg, TripDetail } from '../../src/engine/types';
import { nodeKey } from '../../src/graph/nodes';
import { changeAtX } from '../support/changeAtX';
import { applied, at, handAssumptions, line, network, pattern, station, zone } from '../support/fixtures';
import { disagreements } from '../support/reference';
import { route } from '../support/route';

/** The parts of a trip as one comparable object. */
function parts(t: TripDetail | undefined) {
  if (!t) return undefined;
  const { time, walk, wait, ride, transfer, processing, boardings, cost } = t;
  return { time, walk, wait, ride, transfer, processing, boardings, cost };
}

/** A walk of `meters` at the hand assumptions' 1 m/s: as many seconds. */
function walked(from: LegPlace, to: LegPlace, meters: number): SurfaceLeg {
  return {
    kind: 'walk',
    from,
    to,
    meters,
    seconds: meters,
    walkSeconds: meters,
    waitSeconds: 0,
    bikeSeconds: 0,
    busSeconds: 0,
  };
}

function kinds(legs: Leg[]): string[] {
  return legs.map((l) => l.kind);
}

describe('(a) a transfer between two lines at one station', () => {
  //  O ·200 m· A ──M1 300 s── B ──M1 300 s── X      (B: dwell 30 s)
  //                                           │ M2 400 s
  //                                           C ·300 m· D
  const net = changeAtX();
  const r = route(net);

  it('costs and times O→D line by line', () => {
    // access   O→A walk 200 s ×2 = 400, metro entry 120 s ×1.5 = 180        time  320  cost  580
    // ride M1  A→X: wait 300/2 = 150 s ×2 = 300; ride 300+30+300 = 630 ×1     time  780  cost  930
    // transfer X, M1→M2: walk metro-metro 180 s ×2 = 360, processing 0 (one
    //          station), boarding penalty 300                                  time  180  cost  660
    // ride M2  X→C: wait 600/2 = 300 s ×2 = 600; ride 400                     time  700  cost 1000
    // exit     C: metro exit 60 s ×1.5 = 90                                    time   60  cost   90
    // egress   C→D walk 300 s ×2 = 600                                         time  300  cost  600
    //                                                                          total 2340       3860
    expect(r.od('O', 'D')).toEqual({ time: 2340, cost: 3860 });
    expect(parts(r.trip('O', 'D'))).toEqual({
      time: 2340,
      walk: 500, // 200 + 300
      wait: 450, // 150 + 300
      ride: 1030, // 630 + 400
      transfer: 180,
      processing: 180, // entry 120 + exit 60
      boardings: 2,
      cost: 3860,
    });
    // The way back mirrors it: walk 300 + 200, waits 300 + 150, the same rides, transfer and processing.
    expect(r.od('D', 'O')).toEqual({ time: 2340, cost: 3860 });
  });

  it('engine rows, station rows and the graphology reference agree', () => {
    expect(disagreements(r)).toEqual([]);
  });

  it('reports the legs: walk, enter, ride, transfer, ride, exit, walk', () => {
    const trip = r.trip('O', 'D')!;
    expect(kinds(trip.legs)).toEqual(['walk', 'enter', 'ride', 'transfer', 'ride', 'exit', 'walk']);
    expect(trip.legs).toEqual([
      walked({ zone: 'O' }, { station: 'A' }, 200),
      { kind: 'enter', station: 'A', seconds: 120 },
      {
        kind: 'ride',
        line: 'M1',
        direction: 0,
        towards: 'X',
        from: 'A',
        to: 'X',
        stops: 2,
        patterns: ['all'],
        headwaySeconds: 300,
        waitSeconds: 150,
        rideSeconds: 630,
      },
      { kind: 'transfer', from: 'X', to: 'X', walkSeconds: 180, processingSeconds: 0 },
      {
        kind: 'ride',
        line: 'M2',
        direction: 0,
        towards: 'C',
        from: 'X',
        to: 'C',
        stops: 1,
        patterns: ['all'],
        headwaySeconds: 600,
        waitSeconds: 300,
        rideSeconds: 400,
      },
      { kind: 'exit', station: 'C', seconds: 60 },
      walked({ station: 'C' }, { zone: 'D' }, 300),
    ]);
  });

  it('a transfer rule at the station changes only that change', () => {
    // A 60 s walk between M1 and M2 at X: transfer 180 → 60 s, cost 660 → 2×60 + 300 = 420 (−240).
    const faster = route({
      ...net,
      transfers: [{ at: { station: 'X' }, from: { line: 'M1' }, to: { line: 'M2' }, walkSeconds: 60 }],
    });
    expect(faster.od('O', 'D')).toEqual({ time: 2340 - 120, cost: 3860 - 240 });
    // M2 → M1 (the way back) is another pair of sides: unchanged.
    expect(faster.od('D', 'O')).toEqual({ time: 2340, cost: 3860 });
  });
});

describe('(b, c) a hub change from rail to metro', () => {
  //  O ·500 m· R1 ══trunk T 900 s══ R2 ·450 m· M1 ──metro M 360 s── M2 ·250 m· D
  //                                 └── hub H ──┘
  const net = network({
    zones: [zone('O', at(0, 500)), zone('D', at(30450, 4250))],
    stations: [
      station('R1', at(0), 'trunk'),
      station('R2', at(30000), 'trunk'),
      station('M1', at(30450)),
      station('M2', at(30450, 4000)),
    ],
    hubs: [{ id: 'H', name: { en: 'H' }, stations: ['R2', 'M1'] }],
    lines: [line('T', 'trunk', ['R1', 'R2'], [900], 1800), line('M', 'metro', ['M1', 'M2'], [360], 240)],
  });

  it('(b) with security: exit the rail station, enter the metro again', () => {
    const r = route(net);
    // access   O→R1 walk 500 s ×2 = 1000; trunk entry 900 s ×1.5 = 1350         time 1400  cost 2350
    // ride T   wait min(1800/2, 600) = 600 s (capped) ×2 = 1200; ride 900        time 1500  cost 2100
    // transfer R2→M1 in hub H: walk max(metro-trunk default 360, 450 m) = 450 s
    //          ×2 = 900; processing exit trunk 300 + entry metro 120 = 420 s
    //          ×1.5 = 630; boarding penalty 300                                  time  870  cost 1830
    // ride M   wait 240/2 = 120 s ×2 = 240; ride 360                             time  480  cost  600
    // exit     M2 metro exit 60 s ×1.5 = 90                                      time   60  cost   90
    // egress   M2→D walk 250 s ×2 = 500                                          time  250  cost  500
    //                                                                            total 4560       7470
    expect(r.od('O', 'D')).toEqual({ time: 4560, cost: 7470 });
    expect(parts(r.trip('O', 'D'))).toEqual({
      time: 4560,
      walk: 750,
      wait: 720,
      ride: 1260,
      transfer: 450,
      processing: 1380, // 900 + 420 + 60
      boardings: 2,
      cost: 7470,
    });
    const legs = r.trip('O', 'D')!.legs;
    expect(legs.find((l) => l.kind === 'transfer')).toEqual({
      kind: 'transfer',
      from: 'R2',
      to: 'M1',
      walkSeconds: 450,
      processingSeconds: 420,
    });
    expect(
      legs.filter((l) => l.kind === 'ride').map((l) => l.kind === 'ride' && [l.line, l.from, l.to]),
    ).toEqual([
      ['T', 'R1', 'R2'],
      ['M', 'M1', 'M2'],
    ]);
    // The way back, metro → rail: metro entry 120 + (exit metro 60 + trunk entry 900) + trunk exit 300:
    // the same 1380 s of processing, walks 250 + 450 + 500, the same waits and rides: 7470 again.
    expect(r.od('D', 'O')).toEqual({ time: 4560, cost: 7470 });
  });

  const recognition = {
    at: { hub: 'H' },
    from: { layer: 'trunk' as const },
    to: { layer: 'metro' as const },
    processingSeconds: 60,
  };

  it('(c) with mutual recognition of security: a rule with a lower processing time', () => {
    const r = route({ ...net, transfers: [recognition] });
    // Only the transfer changes: processing 420 → 60 s (×1.5 = 90), the walk stays 450 s.
    // transfer 900 + 90 + 300 = 1290 (was 1830): cost 7470 − 540 = 6930; time 4560 − 360 = 4200.
    expect(r.od('O', 'D')).toEqual({ time: 4200, cost: 6930 });
    expect(parts(r.trip('O', 'D'))).toEqual({
      time: 4200,
      walk: 750,
      wait: 720,
      ride: 1260,
      transfer: 450,
      processing: 1020, // 900 + 60 + 60
      boardings: 2,
      cost: 6930,
    });
    // The rule is trunk → metro only: metro → trunk still exits and re-enters (7470 as in (b)).
    expect(r.od('D', 'O')).toEqual({ time: 4560, cost: 7470 });
  });

  it('(b, c) engine rows, station rows and the graphology reference agree', () => {
    expect(disagreements(route(net))).toEqual([]);
    expect(disagreements(route({ ...net, transfers: [recognition] }))).toEqual([]);
  });

  it('(c) the same recognition as a scenario (set-transfer) gives the same rows', () => {
    const viaRule = route({ ...net, transfers: [recognition] }).matrix();
    const viaScenario = route(applied(net, { type: 'set-transfer', ...recognition })).matrix();
    expect(viaScenario).toEqual(viaRule);
  });
});

describe('(d) express and all-stop patterns of one line: the common-lines strategy', () => {
  //  all-stop: A ─400─ B ─400─ C ─700─ D ─700─ E   dwell 100 s at B, C, D, every 600 s
  //  express:  A ───700───── C ────850────── E      dwell 100 s at C,       every 600 s
  //  zones O, ZC, ZE 100 m from A, C, E; suburban layer (entry 300 s, exit 180 s)
  const net = network({
    zones: [zone('O', at(0, 100)), zone('ZC', at(10000, 100)), zone('ZE', at(20000, 100))],
    stations: ['A', 'B', 'C', 'D', 'E'].map((id, k) => station(id, at(5000 * k), 'suburban')),
    lines: [
      {
        id: 'S',
        name: { en: 'S' },
        layer: 'suburban',
        color: '#008000',
        patterns: [
          pattern('all', 0, ['A', 'B', 'C', 'D', 'E'], [400, 400, 700, 700], 600, 100),
          pattern('exp', 0, ['A', 'C', 'E'], [700, 850], 600, 100),
        ],
      },
    ],
  });
  const r = route(net);
  // Both runs: access O→A 100 s ×2 = 200 + entry 300 ×1.5 = 450 → time 400, cost 650;
  //            exit 180 s ×1.5 = 270 and egress 100 s ×2 = 200 → time 280, cost 470.

  it('A→C: whichever train comes first', () => {
    // Rides A→C: all-stop 400 + 100 + 400 = 900 s, express 700 s.
    //   express only: wait 600/2 = 300 → 2×300 + 700 = 1300
    //   both:         combined headway 300, wait 150 → 2×150 + (900 + 700)/2 = 300 + 800 = 1100  ← best
    // O→ZC: 650 + 1100 + 470 = 2220; time 400 + 150 + 800 + 280 = 1630.
    expect(r.od('O', 'ZC')).toEqual({ time: 1630, cost: 2220 });
    const trip = r.trip('O', 'ZC')!;
    expect(parts(trip)).toEqual({
      time: 1630,
      walk: 200,
      wait: 150,
      ride: 800,
      transfer: 0,
      processing: 480,
      boardings: 1,
      cost: 2220,
    });
    expect(trip.legs.filter((l) => l.kind === 'ride')).toEqual([
      {
        kind: 'ride',
        line: 'S',
        direction: 0,
        towards: 'E',
        from: 'A',
        to: 'C',
        stops: 1, // on the fastest pattern taken, the express
        patterns: ['exp', 'all'],
        headwaySeconds: 300,
        waitSeconds: 150,
        rideSeconds: 800,
      },
    ]);
  });

  it('A→E: waiting for the express wins', () => {
    // Rides A→E: all-stop 400+100+400+100+700+100+700 = 2500 s, express 700 + 100 + 850 = 1650 s.
    //   express only: 2×300 + 1650 = 2250  ← best
    //   both:         2×150 + (2500 + 1650)/2 = 300 + 2075 = 2375
    //   (changing at C, A→C both 1100 + penalty 300 + C→E express 2×300 + 850: 2850, no better)
    // O→ZE: 650 + 2250 + 470 = 3370; time 400 + 300 + 1650 + 280 = 2630.
    expect(r.od('O', 'ZE')).toEqual({ time: 2630, cost: 3370 });
    const trip = r.trip('O', 'ZE')!;
    expect(parts(trip)).toEqual({
      time: 2630,
      walk: 200,
      wait: 300,
      ride: 1650,
      transfer: 0,
      processing: 480,
      boardings: 1,
      cost: 3370,
    });
    const ride = trip.legs.find((l) => l.kind === 'ride');
    expect(ride).toMatchObject({
      line: 'S',
      from: 'A',
      to: 'E',
      stops: 2,
      patterns: ['exp'],
      headwaySeconds: 600,
      waitSeconds: 300,
      rideSeconds: 1650,
    });
  });

  it('engine rows, station rows and the graphology reference agree', () => {
    expect(disagreements(r)).toEqual([]);
  });

  it('without the express, A→E is the all-stop ride', () => {
    // 650 + (2×300 + 2500) + 470 = 4220; time 400 + 300 + 2500 + 280 = 3480.
    const allStop = route({ ...net, lines: [{ ...net.lines[0]!, patterns: [net.lines[0]!.patterns[0]!] }] });
    expect(allStop.od('O', 'ZE')).toEqual({ time: 3480, cost: 4220 });
  });
});

describe('(e) a through-run against changing trains', () => {
  //  O ·100 m· A ──L1 600 s── B ──L2 600 s── C ·100 m· D    metro, both lines every 300 s, both ways
  const net = network({
    zones: [zone('O', at(0, 100)), zone('D', at(12000, 100))],
    stations: [station('A', at(0)), station('B', at(6000)), station('C', at(12000))],
    lines: [line('L1', 'metro', ['A', 'B'], [600], 300), line('L2', 'metro', ['B', 'C'], [600], 300)],
  });
  // Both cases: access 100 s ×2 + entry 120 ×1.5 = 380 (time 220); exit 90 + egress 200 = 290 (time 160).

  it('baseline: change at B', () => {
    // ride L1 A→B:  2×150 + 600 = 900             time 750
    // transfer B:   2×180 (metro-metro) + 300 = 660   time 180
    // ride L2 B→C:  2×150 + 600 = 900             time 750
    // 380 + 900 + 660 + 900 + 290 = 3130; time 220 + 750 + 180 + 750 + 160 = 2060.
    const r = route(net);
    expect(r.od('O', 'D')).toEqual({ time: 2060, cost: 3130 });
    expect(parts(r.trip('O', 'D'))).toEqual({
      time: 2060,
      walk: 200,
      wait: 300,
      ride: 1200,
      transfer: 180,
      processing: 180,
      boardings: 2,
      cost: 3130,
    });
    expect(
      r.trip('O', 'D')!.legs.map((l) => (l.kind === 'ride' ? `${l.line}:${l.from}→${l.to}` : l.kind)),
    ).toEqual(['walk', 'enter', 'L1:A→B', 'transfer', 'L2:B→C', 'exit', 'walk']);
  });

  it('through-run of every train: riders stay on board through B', () => {
    // The through train A→B→C runs every 300 s (the less frequent line's service), dwelling 30 s (the
    // metro default: both lines had 0 at their termini) at B; no train is left running A→B or B→C alone.
    // ride A→C: 2×150 + (600 + 30 + 600) = 300 + 1230 = 1530      time 1380
    // 380 + 1530 + 290 = 2200; time 220 + 1380 + 160 = 1760.
    const r = route(applied(net, { type: 'through-run', from: 'L1', to: 'L2', station: 'B' }));
    expect(r.od('O', 'D')).toEqual({ time: 1760, cost: 2200 });
    const trip = r.trip('O', 'D')!;
    expect(parts(trip)).toEqual({
      time: 1760,
      walk: 200,
      wait: 150,
      ride: 1230,
      transfer: 0,
      processing: 180,
      boardings: 1,
      cost: 2200,
    });
    expect(trip.legs.filter((l) => l.kind === 'ride')).toEqual([
      {
        kind: 'ride',
        line: 'L1', // boarded as L1 at A; from B on the train is L2
        direction: 0,
        towards: 'C',
        from: 'A',
        to: 'C',
        stops: 2,
        patterns: ['through-L2'],
        headwaySeconds: 300,
        waitSeconds: 150,
        rideSeconds: 1230,
      },
    ]);
    // And back: the return trains run C→B→A as L2, then L1.
    expect(r.od('D', 'O')).toEqual({ time: 1760, cost: 2200 });
    expect(r.trip('D', 'O')!.legs.find((l) => l.kind === 'ride')).toMatchObject({
      line: 'L2',
      direction: 1,
      patterns: ['through-L1'],
    });
  });

  it('through-run of every other train: staying on still beats changing', () => {
    // Through trains every 600 s; L1 and L2 keep the other half of their trains (every 600 s each).
    // stay on:  2×300 + 1230 = 1830
    // change:   A→B (L1's own train) 2×300 + 600 = 1200, + 660, + B→C (L2's train or the through train,
    //           whichever first: every 300 s) 2×150 + 600 = 900 → 2760
    // 380 + 1830 + 290 = 2500; time 220 + 300 + 1230 + 160 = 1910.
    const r = route(
      applied(net, { type: 'through-run', from: 'L1', to: 'L2', station: 'B', headways: { 'am-peak': 600 } }),
    );
    expect(r.od('O', 'D')).toEqual({ time: 1910, cost: 2500 });
    expect(parts(r.trip('O', 'D'))).toEqual({
      time: 1910,
      walk: 200,
      wait: 300,
      ride: 1230,
      transfer: 0,
      processing: 180,
      boardings: 1,
      cost: 2500,
    });
  });

  it('half the trains running through: riders bound for the junction still take whichever comes first', () => {
    // At B the through trains arrive as L2, L1's own trains as L1; both go A→B, every 600 s each, so a
    // rider to B waits for the first of them: every 300 s, as before the through-run.
    // 380 + (2×150 + 600) + 290 = 1570; time 220 + 750 + 160 = 1130 (the same as L1 alone every 300 s).
    const withB = { ...net, zones: [...net.zones, zone('ZB', at(6000, 100))] };
    const half = applied(withB, {
      type: 'through-run',
      from: 'L1',
      to: 'L2',
      station: 'B',
      headways: { 'am-peak': 600 },
    });
    expect(route(withB).od('O', 'ZB')).toEqual({ time: 1130, cost: 1570 });
    expect(route(half).od('O', 'ZB')).toEqual({ time: 1130, cost: 1570 });
    expect(
      route(half)
        .trip('O', 'ZB')!
        .legs.find((l) => l.kind === 'ride'),
    ).toMatchObject({ headwaySeconds: 300, waitSeconds: 150 });
  });

  it('engine rows, station rows and the graphology reference agree, with and without through trains', () => {
    expect(disagreements(route(net))).toEqual([]);
    expect(
      disagreements(route(applied(net, { type: 'through-run', from: 'L1', to: 'L2', station: 'B' }))),
    ).toEqual([]);
  });

  it('boarding the through train at B, riders board the line of that platform (L2 on, L1 back)', () => {
    // From a zone 100 m from B: the through trains are the only trains at B's platforms. On to C they
    // are L2 direction 0; back to A they are L1 direction 1. Costs as a plain one-line ride:
    // 380 + (2×150 + 600) + 290 = 1570; time 220 + 750 + 160 = 1130.
    const withB = { ...net, zones: [...net.zones, zone('ZB', at(6000, 100))] };
    const r = route(applied(withB, { type: 'through-run', from: 'L1', to: 'L2', station: 'B' }));
    expect(r.od('ZB', 'D')).toEqual({ time: 1130, cost: 1570 });
    expect(r.trip('ZB', 'D')!.legs.find((l) => l.kind === 'ride')).toMatchObject({
      line: 'L2',
      direction: 0,
      from: 'B',
      to: 'C',
      patterns: ['through-L2'],
    });
    expect(r.trip('ZB', 'O')!.legs.find((l) => l.kind === 'ride')).toMatchObject({
      line: 'L1',
      direction: 1,
      from: 'B',
      to: 'A',
      patterns: ['through-L1'],
    });
  });

  it('the same through train written as a pattern with servedAs', () => {
    const through = {
      ...pattern('thru', 0, ['A', 'B', 'C'], [600, 600], 300, 30),
      servedAs: [{ fromStop: 1, line: 'L2', direction: 0 as const }],
    };
    const r = route({ ...net, lines: [{ ...net.lines[0]!, patterns: [through] }, net.lines[1]!] });
    // A→C on the through pattern as computed above; the L2 trains B→C remain but A→C needs no change.
    expect(r.od('O', 'D')).toEqual({ time: 1760, cost: 2200 });
  });
});

describe('(f) a short walk beats transit', () => {
  //  A · · · · · · · · · · B        stations 50 m north of the zones; metro A→B 60 s
  //  ·50 m                 ·50 m
  //  O ─────── 500 m ───── D
  const make = (headway: number, directWalkMaxMeters = 1000) =>
    network({
      zones: [zone('O', at(0)), zone('D', at(500))],
      stations: [station('A', at(0, 50)), station('B', at(500, 50))],
      lines: [line('M', 'metro', ['A', 'B'], [60], headway)],
      assumptions: handAssumptions({ directWalkMaxMeters }),
    });

  it('walking 500 m (cost 1000) beats a metro every 600 s (cost 1130)', () => {
    // walk:    500 s ×2 = 1000
    // transit: access 2×50 + 1.5×120 = 280; ride 2×300 + 60 = 660; exit 90; egress 2×50 = 100 → 1130
    const r = route(make(600));
    expect(r.od('O', 'D')).toEqual({ time: 500, cost: 1000 });
    const trip = r.trip('O', 'D')!;
    expect(parts(trip)).toEqual({
      time: 500,
      walk: 500,
      wait: 0,
      ride: 0,
      transfer: 0,
      processing: 0,
      boardings: 0,
      cost: 1000,
    });
    expect(trip.legs).toEqual([walked({ zone: 'O' }, { zone: 'D' }, 500)]);
  });

  it('without the direct walk the same O→D rides the metro', () => {
    // time: 50 + 120 + 300 + 60 + 60 + 50 = 640; cost 1130 (as above).
    const r = route(make(600, 400));
    expect(r.od('O', 'D')).toEqual({ time: 640, cost: 1130 });
    expect(parts(r.trip('O', 'D'))).toEqual({
      time: 640,
      walk: 100,
      wait: 300,
      ride: 60,
      transfer: 0,
      processing: 180,
      boardings: 1,
      cost: 1130,
    });
  });

  it('a metro every 300 s (cost 830) beats the walk even though it takes longer', () => {
    // transit: 280 + (2×150 + 60) + 90 + 100 = 830 < 1000; time 50 + 120 + 150 + 60 + 60 + 50 = 490
    const r = route(make(300));
    expect(r.od('O', 'D')).toEqual({ time: 490, cost: 830 });
  });

  it('engine rows, station rows and the graphology reference agree', () => {
    for (const net of [make(600), make(600, 400), make(300)]) expect(disagreements(route(net))).toEqual([]);
  });

  it('a trip within a zone is 0', () => {
    const r = route(make(600));
    expect(r.od('O', 'O')).toEqual({ time: 0, cost: 0 });
    expect(r.trip('O', 'O')).toMatchObject({ time: 0, cost: 0, legs: [] });
  });
});

describe('(g) unreachable zones', () => {
  //  O ·200 m· A ──M 600 s── B ·990 m· Near           Far: 1010 m from B, and 50 km from everything
  const net = network({
    zones: [
      zone('O', at(0, 200)),
      zone('Near', at(5000, 990)),
      zone('Beyond', at(5000, -1010)),
      zone('Far', at(50000, 50000)),
    ],
    stations: [station('A', at(0)), station('B', at(5000))],
    lines: [line('M', 'metro', ['A', 'B'], [600], 300)],
  });
  const r = route(net);

  it('a zone beyond every station and every walk is Infinity in row() and has no trip', () => {
    const Z = r.compact.zoneCount;
    for (const [o, d] of [
      ['O', 'Far'],
      ['Far', 'O'],
      ['O', 'Beyond'],
      ['Beyond', 'O'],
    ] as const) {
      const time = new Float64Array(Z);
      const cost = new Float64Array(Z);
      r.router.row(r.zone(o), time, cost);
      expect(time[r.zone(d)], `${o}→${d}`).toBe(Number.POSITIVE_INFINITY);
      expect(cost[r.zone(d)], `${o}→${d}`).toBe(Number.POSITIVE_INFINITY);
      expect(r.trip(o, d), `${o}→${d}`).toBeUndefined();
    }
    // Far is still its own destination.
    expect(r.od('Far', 'Far')).toEqual({ time: 0, cost: 0 });
  });

  it('the maximum access distance is the boundary (990 m in, 1010 m out)', () => {
    // O→Near: 2×200 + 1.5×120 = 580; 2×150 + 600 = 900; 90; 2×990 = 1980 → 3550
    // time 200 + 120 + 150 + 600 + 60 + 990 = 2120
    expect(r.od('O', 'Near')).toEqual({ time: 2120, cost: 3550 });
  });

  it('engine rows, station rows and the graphology reference agree', () => {
    expect(disagreements(r)).toEqual([]);
  });

  it('no path passes through a zone', () => {
    // Mid lies 900 m from O and 900 m from E: walking O→Mid→E would take 1800 s, but a zone is only an
    // origin or a destination, and O→E (1800 m) is beyond the direct walk.
    const chain = route(
      network({
        zones: [zone('O', at(0)), zone('Mid', at(900)), zone('E', at(1800))],
        stations: [],
        lines: [],
      }),
    );
    expect(chain.od('O', 'Mid')).toEqual({ time: 900, cost: 1800 });
    expect(chain.od('O', 'E').time).toBe(Number.POSITIVE_INFINITY);
    // Nor through a zone between two lines: leave M at B, walk to Mid, enter N at C (not in a hub).
    const twoLines = route(
      network({
        zones: [zone('O', at(0, 100)), zone('Mid', at(5000, 100)), zone('E', at(10000, 100))],
        stations: [
          station('A', at(0)),
          station('B', at(5000)),
          station('C', at(5000, 200)),
          station('F', at(10000)),
        ],
        lines: [line('M', 'metro', ['A', 'B'], [600], 300), line('N', 'metro', ['C', 'F'], [600], 300)],
      }),
    );
    expect(twoLines.od('O', 'Mid').time).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(twoLines.od('Mid', 'E').time).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(twoLines.od('O', 'E').time).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('access with the default assumptions', () => {
  it('each station in reach by its best surface mode: walk, bike or bus', () => {
    // Defaults (DESIGN.md §2.1, src/domain/surface.ts; an urban zone): walk 4.5 km/h = 1.25 m/s × 1.3;
    // bike 13 km/h (13/3.6 m/s) × 1.3 + 120 s to find and unlock + 60 s to park, weight 2; bus 18 km/h × 1.3,
    // stops 300 m from the zone and 50 m from the station, every 600 s (wait 300 s), weight 1.25, + 300 s
    // boarding penalty before a train. Metro entry 120 s, suburban 300 s, weighed 1.5.
    // Metro A, 900 m east:
    //   walk 900 × 1.3 / 1.25 = 936 s                                 cost 2 × 936 = 1872
    //   bike 180 + round(900 × 1.3 × 3.6 / 13) = 180 + 324 = 504 s  cost 2 × 504 = 1008   ← best
    //   bus  walk round(350 × 1.3 / 1.25) = 364, wait 300, ride round(900 × 1.3 × 3.6 / 18) = 234: 898 s,
    //        cost 2 × 364 + 2 × 300 + 1.25 × 234 + 300 = 1920.5
    //   access = bike + entry: time 504 + 120 = 624, cost 1008 + 180 = 1188
    // Suburban S, 2000 m north (walk reach 3 km, bike 3 km):
    //   walk 2000 × 1.3 / 1.25 = 2080 s, cost 4160
    //   bike 180 + round(2000 × 1.3 × 3.6 / 13) = 180 + 720 = 900 s, cost 1800                  ← best
    //   bus  364 + 300 + round(2000 × 1.3 × 3.6 / 18) = 520: 1184 s, cost 728 + 600 + 650 + 300 = 2278
    //   access time 900 + 300 = 1200, cost 1800 + 450 = 2250
    // Metro P, 4000 m west: beyond walking (1.5 km) and the bike-and-ride reach (3 km); the bus takes the
    // zone to the 2 nearest metro stations, A and P: walk 364, wait 300, ride round(4000 × 0.26) = 1040:
    //   1704 s, cost 728 + 600 + 1300 + 300 = 2928; access time 1704 + 120 = 1824, cost 2928 + 180 = 3108
    const net = network({
      zones: [zone('O', at(0)), zone('D', at(30000))],
      stations: [station('A', at(900)), station('S', at(0, 2000), 'suburban'), station('P', at(-4000))],
      lines: [line('M', 'metro', ['A', 'P'], [60], 300), line('R', 'suburban', ['S', 'P'], [60], 300)],
      assumptions: {},
    });
    const g = route(net).graph;
    const access = (s: string) => {
      const edge = g.edge(nodeKey.origin('O'), nodeKey.entered(s));
      return edge === undefined ? undefined : g.getEdgeAttributes(edge);
    };
    expect(access('A')).toMatchObject({
      kind: 'access',
      walk: 0,
      bike: 504,
      processing: 120,
      time: 624,
      weight: 1188,
      leg: { mode: 'bike', meters: 900 },
    });
    expect(access('S')).toMatchObject({ kind: 'access', bike: 900, time: 1200, weight: 2250 });
    expect(access('P')).toMatchObject({
      kind: 'access',
      walk: 364,
      wait: 300,
      bus: 1040,
      boardings: 1,
      time: 1824,
      weight: 3108,
      leg: { mode: 'bus', meters: 4000 },
    });
  });
});
