/** The routing worker in Node (a worker thread): the same API as the browser's, over the thread's port. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createRoutingApi } from './routingApi';

if (!parentPort) throw new Error('the routing worker must run as a worker thread');
expose(createRoutingApi(), nodeEndpoint(parentPort));
