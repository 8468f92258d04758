import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { WorkerCrashError } from './errors';
import type { WorkerFactory } from './pool';
import type { RoutingApi } from './protocol';

/** Routing workers as Node worker threads running the same module as the browser (through a small bootstrap). */
export function nodeWorkerFactory(): WorkerFactory {
  const url = new URL('./routing.worker.node.mjs', import.meta.url);
  return () => {
    const worker = new Worker(url);
    let reject!: (e: WorkerCrashError) => void;
    const crashed = new Promise<never>((_, r) => {
      reject = r;
    });
    worker.on('error', (e) => reject(new WorkerCrashError(`routing worker failed: ${e.message}`)));
    worker.on('exit', (code) => reject(new WorkerCrashError(`routing worker exited (code ${code})`)));
    return {
      api: wrap<RoutingApi>(nodeEndpoint(worker)),
      crashed,
      terminate: () => void worker.terminate(),
    };
  };
}

export function nodeWorkerCount(): number {
  return Math.max(1, availableParallelism());
}
