/**
 * The routing worker in the browser (a module Web Worker), exposing the routing API over comlink. Node runs
 * the same API from nodeRoutingWorker.ts (a worker thread).
 */
import { expose } from 'comlink';
import { createRoutingApi } from './routingApi';

expose(createRoutingApi());
