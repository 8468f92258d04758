import { type Remote, wrap } from 'comlink';
import { WorkerCrashError } from './errors';
import type { IoApi } from './ioApi';

/** The page's io worker: one, started on first use, started again after it dies. */
let io: Remote<IoApi> | undefined;

export function ioWorker(): Remote<IoApi> {
  if (io) return io;
  const worker = new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: 'io' });
  let reject!: (e: WorkerCrashError) => void;
  const crashed = new Promise<never>((_, r) => {
    reject = r;
  });
  crashed.catch(() => undefined);
  const die = (why: string) => {
    reject(new WorkerCrashError(`the file worker stopped (${why}); open the file again`));
    worker.terminate();
    if (io === guarded) io = undefined;
  };
  // An error outside any request (one inside is the request's rejection) or a dead worker: comlink
  // would wait for the answer forever, and the planner would see nothing.
  worker.addEventListener('error', (e) => die(e.message || 'it failed'));
  worker.addEventListener('messageerror', () => die('a message could not be read'));
  const guarded = guard(wrap<IoApi>(worker), crashed);
  io = guarded;
  return guarded;
}

/** Every call through `api` fails with `crashed` if that settles first. */
export function guard<T extends object>(api: T, crashed: Promise<never>): T {
  return new Proxy(api, {
    get(target, key, receiver) {
      const member = Reflect.get(target, key, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) =>
        Promise.race([(member as (...a: unknown[]) => Promise<unknown>)(...args), crashed]);
    },
  });
}
