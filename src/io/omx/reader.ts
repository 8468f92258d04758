import type { Dataset, File as H5File } from 'h5wasm';
import { type H5, hdf5Reason, OMX_VERSION, OmxError, ZONE_LOOKUP } from './format';

/** An OMX file opened for reading: its zones (the zone lookup), matrices and attributes, rows on demand. */
export interface OmxFile {
  zones: string[];
  /** Matrix names under /data. */
  matrices: string[];
  /** Root attributes (OMX_VERSION and SHAPE included). */
  attributes: Record<string, unknown>;
  /** Attributes of one matrix. */
  matrixAttributes(name: string): Record<string, unknown>;
  /** `count` rows of `matrix` from row `first`, float32, row-major. */
  rows(matrix: string, first: number, count?: number): Float32Array;
  close(): void;
}

const attributesOf = (target: { attrs: Record<string, { value: unknown }> }) =>
  Object.fromEntries(Object.entries(target.attrs).map(([k, a]) => [k, a.value]));

/**
 * Open `path` and check it is an OMX file of square float32 matrices with a zone lookup (as this app
 * writes them); anything else is an OmxError naming the file and what is wrong.
 */
export function openOmx(h5: H5, path: string): OmxFile {
  let file: H5File;
  try {
    file = new h5.File(path, 'r');
  } catch (e) {
    throw new OmxError(`${path}: not an HDF5 file (${hdf5Reason(e)})`);
  }
  try {
    const attributes = attributesOf(file);
    const fail = (what: string): never => {
      throw new OmxError(`${path}: ${what}`);
    };
    if (String(attributes.OMX_VERSION) !== OMX_VERSION)
      fail(`not an OMX ${OMX_VERSION} file (OMX_VERSION ${String(attributes.OMX_VERSION)})`);
    const shape = Array.from((attributes.SHAPE ?? []) as ArrayLike<number>, Number);
    if (shape.length !== 2 || shape[0] !== shape[1]) fail(`SHAPE ${shape.join('×')} is not square`);
    const z = shape[0]!;
    const lookup = file.get(`lookup/${ZONE_LOOKUP}`) as Dataset | null;
    const zones = lookup?.value;
    if (!Array.isArray(zones) || zones.length !== z)
      fail(`/lookup/${ZONE_LOOKUP} must hold the ${z} zone ids`);
    const data = file.get('data');
    const matrices = data && 'keys' in data ? data.keys() : [];
    const datasets = new Map<string, Dataset>();
    for (const name of matrices) {
      const d = file.get(`data/${name}`) as Dataset;
      if (d.shape?.join() !== `${z},${z}`) fail(`/data/${name} is ${d.shape?.join('×')}, not ${z}×${z}`);
      if (d.dtype !== '<f') fail(`/data/${name} is not little-endian float32 (${String(d.dtype)})`);
      datasets.set(name, d);
    }
    const dataset = (name: string) =>
      datasets.get(name) ?? fail(`no matrix "${name}" (it has ${matrices.join(', ')})`);
    return {
      zones: (zones as string[]).map(String),
      matrices,
      attributes,
      matrixAttributes: (name) => attributesOf(dataset(name)),
      rows: (name, first, count = 1) => dataset(name).slice([[first, first + count], []]) as Float32Array,
      close: () => file.close(),
    };
  } catch (e) {
    file.close();
    throw e instanceof OmxError ? e : new OmxError(`${path}: ${hdf5Reason(e)}`);
  }
}
