/** The io worker (browser): parses and validates files off the main thread. */
import { expose } from 'comlink';
import { createIoApi } from './ioApi';

expose(createIoApi());
