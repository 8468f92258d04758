/**
 * The demand model's options on a network with a bus-route layer (GTFS bus routes kept):
 *
 *   A ·200 m· a ──M (metro) 300 s── b ──R (bus route) 300 s── c ·200 m· C      (B sits 200 m from b)
 *
 * From A to B and to C the best trip through stations boards M, a train: rail. From B to C it rides R only:
 * a bus trip — the bus option (the better of it and the area-wide bus), and no rail option there. From C to
 * A it rides R then M: a train is ridden, so rail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork, networkSpec } from '../../test/support/arbitraries';
import { at, handAssumptions, line, network, station, zone } from '../../test/support/fixtures';
import { carTable } from '../demand/car';
import { KernelWorkspace } from '../demand/kernels/workspace';
import { demandSetup } from '../demand/setup';
import { carParams, DEMAND_MODES } from '../domain/demand';
import type { Network } from '../domain/network';
import { Router } from '../engine/router';
import { StationRows } from '../engine/stationRows';
import { TRIP_MODE } from '../engine/types';
import { buildSpec } from '../graph/build';
import { compile } from '../graph/compile';
import { ModeRowSource } from './modeRows';

const RAIL = DEMAND_MODES.indexOf('rail');
const BUS = DEMAND_MODES.indexOf('bus');
const [A, B, C] = [0, 1, 2];

function routes(assumptions = handAssumptions()): Network {
  return network({
    zones: [zone('A', at(0, 200)), zone('B', at(5000, 200)), zone('C', at(10000, 200))],
    stations: [station('a', at(0)), station('b', at(5000)), station('c', at(10000), 'bus')],
    lines: [line('M', 'metro', ['a', 'b'], [300], 600), line('R', 'bus', ['b', 'c'], [300], 600)],
    assumptions: { ...assumptions, demand: { betaPerMinute: 0.05 } },
  });
}

function source(net: Network, workspace?: KernelWorkspace): ModeRowSource {
  const setup = demandSetup(net, 'am-peak');
  const g = compile(buildSpec(net, 'am-peak'));
  return new ModeRowSource(
    g,
    new StationRows(new Router(g)),
    {
      zonesKey: net.id,
      logit: setup.logit,
      car: carTable(carParams(setup.assumptions.car, 'am-peak')),
    },
    undefined,
    workspace,
  );
}

describe('demand options with bus routes', () => {
  it('a trip on bus routes only is the bus option, not rail; one that boards a train is rail', () => {
    const s = source(routes());
    s.fill(B);
    expect(s.station.mode[C]).toBe(TRIP_MODE.bus);
    expect(Number.isFinite(s.station.cost[C]!)).toBe(true);
    // No area-wide bus in these assumptions: the route is the bus option.
    expect(s.areaBus.cost[C]).toBe(Number.POSITIVE_INFINITY);
    expect(s.rows.cost[BUS]![C]).toBe(s.station.cost[C]);
    expect(s.rows.time[BUS]![C]).toBe(s.station.time[C]);
    expect(s.rows.cost[RAIL]![C]).toBe(Number.POSITIVE_INFINITY);
    expect(s.rows.time[RAIL]![C]).toBe(Number.POSITIVE_INFINITY);
    // B to A boards M.
    expect(s.station.mode[A]).toBe(TRIP_MODE.rail);
    expect(s.rows.cost[RAIL]![A]).toBe(s.station.cost[A]);
    expect(s.rows.cost[BUS]![A]).toBe(Number.POSITIVE_INFINITY);

    s.fill(C);
    expect(s.station.mode[A]).toBe(TRIP_MODE.rail);
    expect(s.rows.cost[RAIL]![A]).toBe(s.station.cost[A]);
    expect(s.station.mode[B]).toBe(TRIP_MODE.bus);
    expect(s.rows.cost[RAIL]![B]).toBe(Number.POSITIVE_INFINITY);
  });

  it('with the area-wide bus too, the bus option is the cheaper of the two (then the quicker)', () => {
    const { surface: _none, ...rest } = handAssumptions();
    const s = source(routes({ ...rest, surface: { bike: null } }));
    s.fill(B);
    const area = s.areaBus.cost[C]!;
    const route = s.station.cost[C]!;
    expect(Number.isFinite(area)).toBe(true);
    expect(s.rows.cost[BUS]![C]).toBe(Math.min(area, route));
    expect(s.rows.time[BUS]![C]).toBe(route < area ? s.station.time[C] : s.areaBus.time[C]);
    expect(s.rows.cost[RAIL]![C]).toBe(Number.POSITIVE_INFINITY);
  });

  it('at listed destinations only, the same options as the whole row', () => {
    const whole = source(routes());
    whole.fill(B);
    const part = source(routes());
    part.trips(B);
    const only = { list: Int32Array.of(C), count: 1 };
    part.surface(B, only);
    part.options(only);
    for (const m of [RAIL, BUS]) {
      expect(part.rows.cost[m]![C]).toBe(whole.rows.cost[m]![C]);
      expect(part.rows.time[m]![C]).toBe(whole.rows.time[m]![C]);
    }
  });
});

describe('options in the kernels’ workspace', () => {
  it('are the JavaScript’s, bit for bit: every mode’s cost and time from every origin of random networks', () => {
    fc.assert(
      fc.property(networkSpec, (spec) => {
        const net = buildNetwork(spec);
        const withDemand = { ...net, assumptions: { ...net.assumptions, demand: { betaPerMinute: 0.05 } } };
        const js = source(withDemand);
        const z = net.zones.length;
        const inKernels = source(withDemand, new KernelWorkspace(z, 32, 1024));
        for (let o = 0; o < z; o++) {
          const a = js.fill(o);
          const b = inKernels.fill(o);
          for (let m = 0; m < DEMAND_MODES.length; m++)
            for (let d = 0; d < z; d++) {
              expect(Object.is(a.cost[m]![d], b.cost[m]![d]), `cost ${DEMAND_MODES[m]} ${o}→${d}`).toBe(true);
              expect(Object.is(a.time[m]![d], b.time[m]![d]), `time ${DEMAND_MODES[m]} ${o}→${d}`).toBe(true);
            }
        }
      }),
      { seed: 20261205, numRuns: 60 },
    );
  });
});
