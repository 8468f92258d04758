import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticRegion } from '../cli/synthetic';
import type { Network } from '../domain/network';
import { loadNetwork } from '../io/network';
import { unwrap } from '../io/result';
import { isCancelled, WorkerCrashError } from './errors';
import { nodeWorkerFactory } from './nodeWorkers';
import { type Progress, RoutingPool, type WorkerFactory, type WorkerHandle } from './pool';

const toy: Network = unwrap(
  loadNetwork({
    file: 'toy.network.json',
    text: readFileSync(new URL('../../networks/toy.network.json', import.meta.url), 'utf8'),
  }),
);
// Big enough that a run takes many chunks (and long enough to cancel or crash in the middle).
const region = syntheticRegion({ zones: 900, metroLinesPerAxis: 6, metroStops: 18, seed: 7 });

/** Node workers, with every handle kept so a test can kill one. */
function recordingFactory(): { factory: WorkerFactory; handles: WorkerHandle[] } {
  const base = nodeWorkerFactory();
  const handles: WorkerHandle[] = [];
  return {
    handles,
    factory: () => {
      const h = base();
      handles.push(h);
      return h;
    },
  };
}

let pools: RoutingPool[] = [];
const pool = (factory: WorkerFactory, size: number) => {
  const p = new RoutingPool(factory, size);
  pools.push(p);
  return p;
};
afterEach(() => {
  for (const p of pools) p.terminate();
  pools = [];
});

describe('RoutingPool (Node worker threads)', () => {
  it('reports progress up to 100 %, monotonically, and the rows match a single-worker run', async () => {
    const p = pool(nodeWorkerFactory(), 2);
    await p.prepare({ key: 'toy', network: toy, scenario: null, period: 'am-peak' });
    const seen: Progress[] = [];
    const result = await p.rows('toy', { onProgress: (x) => seen.push(x) });
    expect(seen.at(-1)).toEqual({ done: toy.zones.length, total: toy.zones.length });
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.done).toBeGreaterThanOrEqual(seen[k - 1]!.done);
    expect(seen.length).toBeGreaterThan(2);

    const single = pool(nodeWorkerFactory(), 1);
    await single.prepare({ key: 'toy', network: toy, scenario: null, period: 'am-peak' });
    expect((await single.rows('toy')).metrics).toEqual(result.metrics);
  });

  it('builds a graph asked for by several callers at once only once', async () => {
    let builds = 0;
    const base = nodeWorkerFactory();
    const counting: WorkerFactory = () => {
      const h = base();
      const api = new Proxy(h.api, {
        get: (target, name, receiver) => {
          if (name === 'build') builds++;
          return Reflect.get(target, name, receiver);
        },
      });
      return { ...h, api };
    };
    const p = pool(counting, 2);
    const request = { key: 'toy', network: toy, scenario: null, period: 'am-peak' };
    const [a, b, c] = await Promise.all([p.prepare(request), p.prepare(request), p.prepare(request)]);
    expect(builds).toBe(1);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('with isolated builds, builds each graph in a worker of its own, one at a time, ended after', async () => {
    // Every worker started is recorded with the calls it got and whether it was ended.
    const base = nodeWorkerFactory();
    const workers: { calls: string[]; ended: boolean }[] = [];
    let building = 0;
    let mostAtOnce = 0;
    const factory: WorkerFactory = () => {
      const h = base();
      const record = { calls: [] as string[], ended: false };
      workers.push(record);
      const api = new Proxy(h.api, {
        get: (target, name, receiver) => {
          const f = Reflect.get(target, name, receiver) as (...a: unknown[]) => Promise<unknown>;
          if (name !== 'build' && name !== 'load') return f;
          return async (...args: unknown[]) => {
            record.calls.push(String(name));
            if (name === 'build') mostAtOnce = Math.max(mostAtOnce, ++building);
            try {
              return await f(...args);
            } finally {
              if (name === 'build') building--;
            }
          };
        },
      });
      return {
        ...h,
        api,
        terminate: () => {
          record.ended = true;
          return h.terminate();
        },
      };
    };
    const p = pool(factory, 2); // workers 0 and 1: builds go to them
    const q = new RoutingPool(factory, 2, { isolatedBuilds: true }); // workers 2 and 3
    pools.push(q);
    await p.prepare({ key: 'shared', network: toy, scenario: null, period: 'am-peak' });
    const builders = workers.length;
    await Promise.all(
      ['am-peak', 'off-peak'].map((period) =>
        q.prepare({ key: period, network: toy, scenario: null, period }),
      ),
    );
    const started = workers.slice(builders);
    expect(started.map((w) => [w.calls, w.ended])).toEqual([
      [['build'], true],
      [['build'], true],
    ]);
    expect(mostAtOnce).toBe(1);
    // The routing workers get each graph once (a chunk pipeline of two asks for one copy), and compute what
    // a graph built in a routing worker computes.
    const rows = await q.rows('am-peak');
    expect(rows.metrics).toEqual((await p.rows('shared')).metrics);
    expect(workers.slice(2, 4).map((w) => w.calls)).toEqual([['load'], ['load']]);
  });

  it('sends the chunks of a run queued while other builds held the only worker', async () => {
    // One worker, three graphs built at once; the first one's rows are asked for while the other two
    // builds still count against the worker's pipeline. They must run once those builds end.
    const p = pool(nodeWorkerFactory(), 1);
    const request = (period: string) => ({ key: period, network: toy, scenario: null, period });
    const first = p.prepare(request('am-peak'));
    const others = [
      p.prepare({ ...request('off-peak') }),
      p.prepare({ ...request('am-peak'), key: 'again' }),
    ];
    await first;
    const rows = p.rows('am-peak');
    await Promise.all(others);
    expect((await rows).metrics.timeToCore.length).toBe(toy.zones.length);
  });

  it('stops a cancelled run early and stays usable', async () => {
    const p = pool(nodeWorkerFactory(), 2);
    await p.prepare({ key: 'r', network: region, scenario: null, period: 'am-peak' });
    const controller = new AbortController();
    let doneAtCancel = -1;
    const run = p.rows('r', {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done > 0 && doneAtCancel < 0) {
          doneAtCancel = done;
          controller.abort();
        }
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCancelled(error)).toBe(true);
    expect(doneAtCancel).toBeGreaterThan(0);
    expect(doneAtCancel).toBeLessThan(region.zones.length);
    // The pool carries on: a new run completes.
    const again = await p.rows('r');
    expect(again.metrics.timeToCore.length).toBe(region.zones.length);
  });

  it('cancels by generation id', async () => {
    const p = pool(nodeWorkerFactory(), 1);
    await p.prepare({ key: 'r', network: region, scenario: null, period: 'am-peak' });
    const run = p.rows('r');
    p.cancel(p.latestGeneration);
    await expect(run).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('replaces a worker killed mid-run, retries its chunks, and the result is still correct', async () => {
    const reference = pool(nodeWorkerFactory(), 1);
    await reference.prepare({ key: 'r', network: region, scenario: null, period: 'am-peak' });
    const expected = await reference.rows('r');

    const { factory, handles } = recordingFactory();
    const p = pool(factory, 2);
    await p.prepare({ key: 'r', network: region, scenario: null, period: 'am-peak' });
    let killed = false;
    const result = await p.rows('r', {
      onProgress: ({ done }) => {
        if (!killed && done > 0) {
          killed = true;
          handles[0]!.terminate();
        }
      },
    });
    expect(killed).toBe(true);
    expect(handles.length).toBe(3); // two started, one replacement
    expect(result.metrics).toEqual(expected.metrics);
  });

  it('gives a clear WorkerCrashError when a chunk kills its worker twice', async () => {
    const base = nodeWorkerFactory();
    let started = 0;
    // Every worker after the first dies as soon as it is asked for rows.
    const poisoned: WorkerFactory = () => {
      const h = base();
      started++;
      const rows = h.api.rows.bind(h.api);
      return {
        ...h,
        api: new Proxy(h.api, {
          get: (target, prop) =>
            prop === 'rows'
              ? (...args: Parameters<typeof rows>) => {
                  setTimeout(() => h.terminate(), 0);
                  return rows(...args);
                }
              : Reflect.get(target, prop),
        }),
      };
    };
    const p = pool(poisoned, 1);
    await p.prepare({ key: 'toy', network: toy, scenario: null, period: 'am-peak' });
    const error = await p.rows('toy').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect((error as Error).message).toMatch(/crashed twice on origins/);
    // The original worker and one replacement: each chunk is retried once, then the run fails.
    expect(started).toBe(2);
  });

  it('reports a scenario that does not apply as a ScenarioError with every issue', async () => {
    const p = pool(nodeWorkerFactory(), 1);
    const scenario = {
      format: 'commuteshed.scenario/1' as const,
      id: 'bad',
      name: 'bad',
      description: '',
      network: 'toy',
      modifications: [
        { type: 'remove-line' as const, line: 'm1' },
        { type: 'set-headway' as const, line: 'm1', headways: { 'am-peak': 60 } },
        { type: 'set-headway' as const, line: 'nope', headways: { 'am-peak': 60 } },
      ],
    };
    await expect(p.prepare({ key: 'bad', network: toy, scenario, period: 'am-peak' })).rejects.toMatchObject({
      name: 'ScenarioError',
      issues: [
        { path: '$.modifications[1].line', message: 'line "m1" was removed by modification 0 (remove-line)' },
        { path: '$.modifications[2].line', message: 'unknown line "nope"' },
      ],
    });
  });
});
