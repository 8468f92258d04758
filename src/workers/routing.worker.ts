/**
 * The routing worker: the same module in the browser (a module Web Worker) and in Node (worker_threads),
 * exposing the routing API over comlink.
 */
import { expose } from 'comlink';
import { createRoutingApi } from './routingApi';

const api = createRoutingApi();

if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  expose(api);
} else {
  // Node: specifiers in variables keep bundlers from resolving Node modules into the browser build.
  const threads = 'node:worker_threads';
  const adapter = 'comlink/dist/esm/node-adapter.mjs';
  const { parentPort } = (await import(/* @vite-ignore */ threads)) as typeof import('node:worker_threads');
  const nodeEndpoint = (
    (await import(/* @vite-ignore */ adapter)) as typeof import('comlink/dist/esm/node-adapter.mjs')
  ).default;
  if (!parentPort) throw new Error('routing.worker must run as a worker thread');
  expose(api, nodeEndpoint(parentPort));
}
