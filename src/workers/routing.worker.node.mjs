// Node entry of the routing worker when running from source. Worker threads do not inherit tsx's loader
// on Node 20, so register it in this thread, then load the worker module. The bundled CLI (npm run
// build:cli) starts its own build of nodeRoutingWorker.ts instead, without tsx.
import { register } from 'tsx/esm/api';

register();
await import('./nodeRoutingWorker.ts');
