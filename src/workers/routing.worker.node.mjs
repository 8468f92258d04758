// Node entry of the routing worker. Worker threads do not inherit tsx's loader on Node 20, so register it
// in this thread, then load the same worker module the browser runs.
import { register } from 'tsx/esm/api';

register();
await import('./routing.worker.ts');
