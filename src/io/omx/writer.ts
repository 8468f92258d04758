import type { Dataset, File as H5File } from 'h5wasm';
import {
  type H5,
  hdf5Reason,
  MATRIX_NAME,
  OMX_VERSION,
  type OmxAttributes,
  OmxError,
  type OmxLayout,
  ZONE_LOOKUP,
} from './format';

/** zlib level: OMX's own default (1) is almost as small as higher levels on travel times, and much faster. */
const GZIP_LEVEL = 1;

/**
 * Writes the float32 matrices of an OMX file row by row, in any order and from any number of blocks, so
 * nothing but a block of rows is ever held. Each row is one HDF5 chunk ([1, zones], zlib): a row written
 * is compressed once and never read back, whatever order the rows come in. Rows never written read as 0;
 * every writer here writes every row it means the file to have.
 */
export class OmxWriter {
  private readonly datasets = new Map<string, Dataset>();
  private closed = false;

  private constructor(
    private readonly file: H5File,
    readonly zones: number,
  ) {}

  /** Create (or overwrite) `path` in h5's file system with the layout's matrices, lookup and attributes. */
  static create(h5: H5, path: string, layout: OmxLayout): OmxWriter {
    const z = layout.zones.length;
    const names = layout.matrices.map((m) => m.name);
    const bad = names.filter((n) => !MATRIX_NAME.test(n));
    if (bad.length > 0) throw new OmxError(`matrix names must be letters, digits and _: ${bad.join(', ')}`);
    const twice = names.filter((n, k) => names.indexOf(n) !== k);
    if (twice.length > 0) throw new OmxError(`matrix names given twice: ${twice.join(', ')}`);
    let file: H5File;
    try {
      file = new h5.File(path, 'w');
    } catch (e) {
      throw new OmxError(`cannot create ${path}: ${hdf5Reason(e)}`);
    }
    const writer = new OmxWriter(file, z);
    try {
      file.create_attribute('OMX_VERSION', OMX_VERSION, null, `A${OMX_VERSION.length}`);
      file.create_attribute('SHAPE', new Int32Array([z, z]));
      setAttributes(file, layout.attributes ?? {});
      const data = file.create_group('data');
      const lookup = file.create_group('lookup');
      for (const m of layout.matrices) {
        // Created empty (shape [0, z], fixed maximum [z, z]) and grown: h5wasm takes the data at creation.
        const d = data.create_dataset({
          name: m.name,
          data: new Float32Array(0),
          shape: [0, z],
          maxshape: [z, z],
          chunks: [1, Math.max(1, z)],
          compression: 'gzip',
          compression_opts: GZIP_LEVEL,
        });
        d.resize([z, z]);
        setAttributes(d, m.attributes ?? {});
        writer.datasets.set(m.name, d);
      }
      // Fixed-length, null-padded strings: what PyTables (openmatrix) and h5py read as bytes.
      const encoder = new TextEncoder();
      const width = Math.max(1, ...layout.zones.map((id) => encoder.encode(id).length));
      const ascii = layout.zones.every((id) => /^[\x20-\x7e]*$/.test(id));
      lookup.create_dataset({
        name: ZONE_LOOKUP,
        data: [...layout.zones],
        dtype: `${ascii ? 'A' : 'S'}${width}`,
      });
    } catch (e) {
      writer.close();
      throw e instanceof OmxError ? e : new OmxError(`cannot write ${path}: ${hdf5Reason(e)}`);
    }
    return writer;
  }

  /** Rows of `matrix` for the zones at `origins` (zone indices), origins × zones, row-major. */
  writeRows(matrix: string, origins: Int32Array, rows: Float32Array): void {
    const d = this.datasets.get(matrix);
    if (!d) throw new OmxError(`no matrix "${matrix}" in this file`);
    const z = this.zones;
    if (rows.length !== origins.length * z)
      throw new OmxError(`${origins.length} rows of ${z} zones expected, got ${rows.length} values`);
    // Runs of consecutive origins go as one slab.
    for (let i = 0; i < origins.length; ) {
      let j = i + 1;
      while (j < origins.length && origins[j] === origins[j - 1]! + 1) j++;
      const o = origins[i]!;
      if (!(o >= 0 && o + (j - i) <= z)) throw new OmxError(`origin ${o} is not a zone of this file`);
      d.write_slice([[o, o + (j - i)], []], rows.subarray(i * z, j * z));
      i = j;
    }
  }

  /** Flush and close (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.file.close();
  }
}

function setAttributes(target: { create_attribute: H5File['create_attribute'] }, a: OmxAttributes): void {
  for (const [name, value] of Object.entries(a)) {
    if (typeof value === 'number') target.create_attribute(name, new Float64Array([value]), []);
    else target.create_attribute(name, value);
  }
}
