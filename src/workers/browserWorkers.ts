import { releaseProxy, wrap } from 'comlink';
import { WorkerCrashError } from './errors';
import type { WorkerFactory } from './pool';
import type { RoutingApi } from './protocol';

/** Routing workers as module Web Workers (Vite bundles the worker from this literal URL). */
export function browserWorkerFactory(): WorkerFactory {
  return () => {
    const worker = new Worker(new URL('./routing.worker.ts', import.meta.url), {
      type: 'module',
      name: 'routing',
    });
    let reject!: (e: WorkerCrashError) => void;
    const crashed = new Promise<never>((_, r) => {
      reject = r;
    });
    worker.addEventListener('error', (e) =>
      reject(new WorkerCrashError(`routing worker failed: ${e.message || 'unknown error'}`)),
    );
    const api = wrap<RoutingApi>(worker);
    return {
      api,
      crashed,
      terminate: () => {
        api[releaseProxy]();
        worker.terminate();
      },
    };
  };
}

/** One worker per logical core, leaving the main thread the rest; at least 1, at most 8. */
export function browserWorkerCount(): number {
  return Math.min(8, Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
}
