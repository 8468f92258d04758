/**
 * OMX, the Open Matrix format (HDF5) that Emme, Visum, TransCAD, Cube, ActivitySim and Python's
 * `openmatrix` read. Layout (OMX 0.2): root attributes OMX_VERSION ("0.2") and SHAPE (int32 [rows, columns]);
 * one 2-D dataset per matrix under /data, all of SHAPE; 1-D lookups under /lookup (here the zone ids).
 */
import type h5wasm from 'h5wasm';

/** The h5wasm API, whichever build loaded it (Node: h5wasm/node on the real file system; browser: MEMFS). */
export type H5 = typeof h5wasm;

export const OMX_VERSION = '0.2';

/** The lookup holding each row's (and column's) zone id. */
export const ZONE_LOOKUP = 'zone';

/** Attribute values this writer stores: text, or numbers (float64). */
export type OmxAttributes = Record<string, string | number>;

export interface OmxMatrixSpec {
  /** Name under /data: letters, digits and _ only. */
  name: string;
  attributes?: OmxAttributes;
}

export interface OmxLayout {
  /** Zone ids, in row (and column) order. */
  zones: readonly string[];
  matrices: readonly OmxMatrixSpec[];
  /** Root attributes besides OMX_VERSION and SHAPE. */
  attributes?: OmxAttributes;
}

/** An OMX file that cannot be written, or read as the file it should be. */
export class OmxError extends Error {
  override readonly name = 'OmxError';
}

export const MATRIX_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The innermost reason in an HDF5 error stack ("file signature not found"), or the message itself. */
export function hdf5Reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').filter((l) => /^\s*#\d+:/.test(l));
  return (
    lines
      .at(-1)
      ?.replace(/^.*\(\):\s*/, '')
      .trim() || text
  );
}
