/**
 * The browser's OMX writer, in a worker of its own (h5wasm, ~1 MB gzipped, is loaded only when a planner
 * exports matrices): rows arrive block by block from the page as the routing workers compute them and are
 * compressed into a file in the worker's memory; finish() hands back its bytes.
 */
import { expose, transfer } from 'comlink';
import { loadH5Browser } from '../io/omx/browser';
import type { OmxLayout } from '../io/omx/format';
import { OmxWriter } from '../io/omx/writer';

const PATH = '/export.omx';
let writer: OmxWriter | undefined;

export const omxWorkerApi = {
  async create(layout: OmxLayout): Promise<void> {
    const { h5 } = await loadH5Browser();
    writer?.close();
    writer = OmxWriter.create(h5, PATH, layout);
  },
  write(matrix: string, origins: Int32Array, rows: Float32Array): void {
    if (!writer) throw new Error('no OMX file is being written');
    writer.writeRows(matrix, origins, rows);
  },
  async finish(): Promise<Uint8Array> {
    const { fs } = await loadH5Browser();
    if (!writer) throw new Error('no OMX file is being written');
    writer.close();
    writer = undefined;
    const bytes = fs.readFile(PATH);
    fs.unlink(PATH);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

export type OmxWorkerApi = typeof omxWorkerApi;

expose(omxWorkerApi);
