import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Network } from '../domain/network';
import { loadNetwork } from '../io/network';
import { unwrap } from '../io/result';
import { Analysis } from './analysis';
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
