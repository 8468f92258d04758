/**
 * Hand-computed networks for the surface modes (DESIGN.md §2.1): a bike to the station, a bus all the way,
 * a feeder bus to the station. Expected times are worked out in the comments.
 *
 * Assumptions: handAssumptions() (walking 1 m/s, no detour, walking reach 1 km, weights walk 2, wait 2,
 * in-vehicle 1, processing 1.5, boarding penalty 300) with round surface parameters:
 *   bike  5 m/s (18 km/h), no detour, 60 s to unlock + 30 s to park, direct ≤ 5 km, to stations ≤ 3 km,
 *         weight 2 (the default);
 *   bus   urban: 10 m/s (36 km/h), no detour, every 600 s (wait 300), stops 100 m from the zone (100 s) and
 *         at the station (0 m), to the 1 nearest station of each layer within 10 km, no express;
 *         rural: 5 m/s, every 1800 s (wait min(900, 600) = 600), stops 300 m away;
 *         weight 1.25, + 300 s boarding penalty when it meets a train.
 * Metro entry 120 s (cost 180), exit 60 s (cost 90). Places are metres east / north of 0°, 0° (at()).
 */
import { describe, expect, it } from 'vitest';
import type { TripDetail } from '../../src/engine/types';
import { at, handAssumptions, line, network, station, zone } from '../support/fixtures';
import { disagreements } from '../support/reference';
import { route } from '../support/route';

const bus = {
  speedKmh: 36,
  detour: 1,
  expressBeyondMeters: 200_000,
  expressSpeedKmh: 36,
  headwaySeconds: 600,
  maxWaitSeconds: 600,
  stopWalkMeters: 100,
  stationStopMeters: 0,
  accessNearest: 1,
  accessMaxMeters: 10_000,
};
const assumptions = handAssumptions({
  surface: {
    bike: {
      speedKmh: 18,
      detour: 1,
      unlockSeconds: 60,
      parkSeconds: 30,
      maxMeters: 5000,
      accessMaxMeters: 3000,
    },
    bus,
    byClass: { rural: { bus: { speedKmh: 18, headwaySeconds: 1800, stopWalkMeters: 300 } } },
  },
});

//  O ···bike 2 km··· A ══metro M 600 s, every 300 s══ B ·100 m· D          (A at 0, B at 20 km east)
//  F 8 km south of A (feeder scenario)          P ···6 km··· Q (rural), 50 km north of everything
const net = network({
  zones: [
    zone('O', at(-2000)),
    zone('D', at(20000, 100)),
    zone('F', at(0, -8000)),
    zone('P', at(0, 50000)),
    { ...zone('Q', at(6000, 50000)), class: 'rural' },
  ],
  stations: [station('A', at(0)), station('B', at(20000))],
  lines: [line('M', 'metro', ['A', 'B'], [600], 300)],
  assumptions,
});

function summary(t: TripDetail | undefined) {
  if (!t) return undefined;
  const { time, cost, mode, walk, bike, bus, wait, ride, processing, boardings } = t;
  return { time, cost, mode, walk, bike, bus, wait, ride, processing, boardings };
}

describe('a bike to the station', () => {
  const r = route(net);

  it('O → D: bike to A, metro to B, walk to D', () => {
    // O → A, 2000 m: beyond walking (1 km).
    //   bike  60 + 30 + 2000 / 5 = 490 s, cost 980                              ← best
    //   bus   walk 100 + wait 300 + 2000 / 10 = 200 → 600 s, cost 200 + 600 + 250 + 300 = 1350
    // enter A 120 (180), wait 150 (300), ride 600 (600), leave B 60 (90)
    // B → D, 100 m: walk 100 s (200); a bike would be 90 + 20 = 110 s (220)
    // rail: time 490 + 120 + 150 + 600 + 60 + 100 = 1520, cost 980 + 180 + 300 + 600 + 90 + 200 = 2350
    // Direct: 20,100 m is beyond walking and biking; the bus: 200 + 300 + 2010 = 2510 s, cost 3512.5.
    expect(summary(r.trip('O', 'D'))).toEqual({
      time: 1520,
      cost: 2350,
      mode: 'rail',
      walk: 100,
      bike: 490,
      bus: 0,
      wait: 150,
      ride: 600,
      processing: 180,
      boardings: 1,
    });
    expect(r.trip('O', 'D')!.legs[0]).toEqual({
      kind: 'bike',
      from: { zone: 'O' },
      to: { station: 'A' },
      meters: 2000,
      seconds: 490,
      walkSeconds: 0,
      waitSeconds: 0,
      bikeSeconds: 490,
      busSeconds: 0,
    });
  });

  it('engine rows, station rows and the graphology reference agree', () => {
    expect(disagreements(r)).toEqual([]);
  });
});

describe('a bus all the way', () => {
  const r = route(net);

  it('P → Q (urban to rural): walk 100 + 300 m, wait at P, half the way at each speed', () => {
    // 6000 m: beyond walking and biking (5 km); no station within the bus's 10 km.
    // walk 100 + 300 = 400 s (800); wait at P (urban) 300 (600); ride 6000 × (0.1 + 0.2) / 2 = 900 s (1125)
    expect(summary(r.trip('P', 'Q'))).toEqual({
      time: 1600,
      cost: 2525,
      mode: 'bus',
      walk: 400,
      bike: 0,
      bus: 900,
      wait: 300,
      ride: 0,
      processing: 0,
      boardings: 1,
    });
    expect(r.od('P', 'Q')).toEqual({ time: 1600, cost: 2525 });
  });

  it('Q → P boards a rural bus: every 1800 s, so the wait is capped at 600', () => {
    // walk 400 (800), wait 600 (1200), ride 900 (1125): 1900 s, cost 3125
    expect(r.od('Q', 'P')).toEqual({ time: 1900, cost: 3125 });
    expect(r.trip('Q', 'P')!.legs).toEqual([
      {
        kind: 'bus',
        from: { zone: 'Q' },
        to: { zone: 'P' },
        meters: 6000,
        seconds: 1900,
        walkSeconds: 400,
        waitSeconds: 600,
        bikeSeconds: 0,
        busSeconds: 900,
      },
    ]);
  });
});

describe('a feeder bus to the station', () => {
  const feeder = { id: 'F-A', station: 'A', radiusMeters: 9000, headways: { 'am-peak': 300 }, speedKmh: 30 };
  const before = route(net);
  const after = route({ ...net, feeders: [feeder] });

  it('without it, F takes the area-wide bus to A (its nearest metro station, 8 km)', () => {
    // walk 100, wait 300, ride 800 → 1200 s, cost 200 + 600 + 1000 + 300 (second boarding) = 2100
    // + enter 120 (180), wait 150 (300), ride 600, leave 60 (90), walk B → D 100 (200):
    // time 1200 + 1030 = 2230, cost 2100 + 1370 = 3470
    expect(before.od('F', 'D')).toEqual({ time: 2230, cost: 3470 });
  });

  it('with it: a slower but more frequent bus, cheaper as riders weigh waiting', () => {
    // feeder: walk 100 (200), wait 150 (300), ride 8000 × 3.6 / 30 = 960 (1200), + 300 → 1210 s, cost 2000
    // time 1210 + 1030 = 2240 (10 s more), cost 2000 + 1370 = 3370 (100 less): routes follow cost.
    expect(after.od('F', 'D')).toEqual({ time: 2240, cost: 3370 });
    const trip = after.trip('F', 'D')!;
    expect(trip.legs[0]).toEqual({
      kind: 'bus',
      from: { zone: 'F' },
      to: { station: 'A' },
      meters: 8000,
      seconds: 1210,
      walkSeconds: 100,
      waitSeconds: 150,
      bikeSeconds: 0,
      busSeconds: 960,
      feeder: 'F-A',
    });
    expect(trip.boardings).toBe(2);
  });

  it('serves only zones within its radius and periods with a headway', () => {
    const small = route({ ...net, feeders: [{ ...feeder, radiusMeters: 7000 }] });
    expect(small.od('F', 'D')).toEqual(before.od('F', 'D'));
    const offPeak = route(
      {
        ...net,
        periods: [...net.periods, { id: 'off-peak', name: { en: 'off-peak' }, start: '10:00', end: '16:00' }],
        lines: net.lines.map((l) => ({
          ...l,
          patterns: l.patterns.map((p) => ({ ...p, headways: { ...p.headways, 'off-peak': 300 } })),
        })),
        feeders: [feeder],
      },
      'off-peak',
    );
    expect(offPeak.od('F', 'D')).toEqual(before.od('F', 'D'));
  });

  it('engine rows, station rows and the graphology reference agree, with and without it', () => {
    expect(disagreements(before)).toEqual([]);
    expect(disagreements(after)).toEqual([]);
  });
});
