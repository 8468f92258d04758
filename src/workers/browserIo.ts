import { type Remote, wrap } from 'comlink';
import type { IoApi } from './ioApi';

/** The page's io worker: one, started on first use. */
let io: Remote<IoApi> | undefined;

export function ioWorker(): Remote<IoApi> {
  io ??= wrap<IoApi>(new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: 'io' }));
  return io;
}
