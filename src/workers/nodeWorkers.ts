import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { WorkerCrashError } from './errors';
import type { WorkerFactory } from './pool';
import type { RoutingApi } from './protocol';

/** Set (to true) by the bundled CLI's build (vite.cli.config.ts); undefined when running from source. */
declare const __CLI_BUNDLE__: boolean | undefined;

/**
 * The worker's module: the bundle's own build of nodeRoutingWorker.ts beside it, or from source a bootstrap
 * that registers tsx in the thread first.
 */
function workerUrl(): URL {
  return typeof __CLI_BUNDLE__ !== 'undefined' && __CLI_BUNDLE__
    ? new URL('./routing-worker.mjs', import.meta.url)
    : new URL('./routing.worker.node.mjs', import.meta.url);
}

/** Routing workers as Node worker threads running the routing API the browser's workers run. */
export function nodeWorkerFactory(): WorkerFactory {
  const url = workerUrl();
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
      terminate: () => worker.terminate(),
    };
  };
}

export function nodeWorkerCount(): number {
  return Math.max(1, availableParallelism());
}
