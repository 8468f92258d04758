import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Network } from '../domain/network';
import { loadNetwork } from '../io/network';
import { unwrap } from '../io/result';
import { loadScenarioFor } from '../io/scenario';
import { Analysis, sideScenarios, sidesOf } from './analysis';
import { nodeWorkerFactory } from './nodeWorkers';
import { RoutingPool } from './pool';

const toy: Network = unwrap(
  loadNetwork({
    file: 'toy.network.json',
    text: readFileSync(new URL('../../networks/toy.network.json', import.meta.url), 'utf8'),
  }),
);
const request = { network: toy, networkKey: 'toy', scenario: null, period: 'am-peak' };

let pools: RoutingPool[] = [];
afterEach(() => {
  for (const p of pools) p.terminate();
  pools = [];
});

/** An analysis over one Node worker, with the pool's row and prepare calls counted. */
function analysis() {
  const pool = new RoutingPool(nodeWorkerFactory(), 1);
  pools.push(pool);
  return { a: new Analysis(pool), row: vi.spyOn(pool, 'row'), prepare: vi.spyOn(pool, 'prepare') };
}

describe('Analysis isochrones', () => {
  it('asks the workers once for a row wanted twice at once, and knows it afterwards', async () => {
    const { a, row } = analysis();
    expect(a.knownIsochrone(request, 3)).toBeUndefined();
    const [first, second] = await Promise.all([a.isochrone(request, 3), a.isochrone(request, 3)]);
    expect(row).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(a.knownIsochrone(request, 3)).toBe(first);
    // The row is the one the workers compute for that origin (a different origin gives a different row).
    const other = await a.isochrone(request, 0);
    expect(row).toHaveBeenCalledTimes(2);
    expect(Array.from(other)).not.toEqual(Array.from(first));
    expect(first[3]).toBe(0);
    // Another period is another graph: its rows are not mistaken for these.
    expect(a.knownIsochrone({ ...request, period: 'off-peak' }, 3)).toBeUndefined();
  });

  it('prefetches only on a graph the workers already hold', async () => {
    const { a, row, prepare } = analysis();
    a.prefetchIsochrone(request, 2);
    expect(prepare).not.toHaveBeenCalled();
    expect(row).not.toHaveBeenCalled();

    await a.isochrone(request, 0); // builds the graph
    a.prefetchIsochrone(request, 2);
    await vi.waitFor(() => expect(a.knownIsochrone(request, 2)).toBeInstanceOf(Float64Array));
    expect(row).toHaveBeenCalledTimes(2);
    // A click on the prefetched zone asks nothing more.
    await a.isochrone(request, 2);
    expect(row).toHaveBeenCalledTimes(2);
  });
});

describe('Analysis of two scenarios (A vs B)', () => {
  const scenario = (id: string) =>
    unwrap(
      loadScenarioFor(
        toy,
        `${id}.scenario.json`,
        readFileSync(new URL(`../../scenarios/${id}.scenario.json`, import.meta.url), 'utf8'),
      ),
    );
  const express = scenario('toy-express');
  const integration = scenario('toy-rail-integration');

  it('computes each side as that scenario alone would: the before side is A, the after side B', async () => {
    const { a } = analysis();
    const pair = await a.compare({ ...request, scenario: integration, before: express });
    const aloneA = await a.compare({ ...request, scenario: express });
    const aloneB = await a.compare({ ...request, scenario: integration });
    const bits = (x: Float64Array) => Array.from(x);
    expect(bits(pair.report.baseline.table.timeToCore)).toEqual(
      bits(aloneA.report.scenario!.table.timeToCore),
    );
    expect(bits(pair.report.scenario!.table.timeToCore)).toEqual(
      bits(aloneB.report.scenario!.table.timeToCore),
    );
    // The change is B − A, zone by zone (capped as every change is).
    const cap = 180 * 60;
    const d = pair.report.delta!.zones['time-to-core']!;
    const [ta, tb] = [aloneA.report.scenario!.table.timeToCore, aloneB.report.scenario!.table.timeToCore];
    expect(bits(d)).toEqual(bits(tb.map((t, z) => Math.min(t, cap) - Math.min(ta[z]!, cap))));
    expect(d.some((x) => x !== 0)).toBe(true);
  });

  it('has one side when both are the same scenario, and the baseline is the empty scenario', () => {
    expect(sidesOf(express, express)).toEqual(['baseline']);
    expect(sidesOf(express, null)).toEqual(['baseline', 'scenario']);
    expect(sideScenarios(integration, express)).toEqual([
      ['baseline', express],
      ['scenario', integration],
    ]);
    // A scenario whose modifications are all off is the baseline: against the baseline, one side.
    const off = { ...express, modifications: express.modifications.map((m) => ({ ...m, enabled: false })) };
    expect(sidesOf(off)).toEqual(['baseline']);
    expect(sidesOf(express, off)).toEqual(['baseline', 'scenario']);
  });
});
