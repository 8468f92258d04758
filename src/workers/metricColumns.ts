import type { ZoneMetricsTable } from '../metrics/originMetrics';

type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

/** One field of a per-zone metrics table: a value per zone, or a family of them (jobs within each threshold). */
export type MetricColumn = NumericArray | NumericArray[];

/**
 * The fields of a metrics table, whatever they are: every helper here iterates them, so a field added to
 * ZoneMetricsTable (and filled by the metrics code) flows through the pool, the shards and the merge as is.
 */
export function metricColumns(table: ZoneMetricsTable): [string, MetricColumn][] {
  return Object.entries(table).map(([name, value]) => {
    if (ArrayBuffer.isView(value) || (Array.isArray(value) && value.every((v) => ArrayBuffer.isView(v))))
      return [name, value as MetricColumn];
    throw new TypeError(`metrics field "${name}" is neither a typed array nor a list of them`);
  });
}

const arrays = (c: MetricColumn): NumericArray[] => (Array.isArray(c) ? c : [c]);

/** The buffers behind a table, to transfer it between threads. */
export function metricBuffers(table: ZoneMetricsTable): ArrayBuffer[] {
  return metricColumns(table).flatMap(([, c]) => arrays(c).map((a) => a.buffer as ArrayBuffer));
}

/** A table of the same fields and kinds as `like`, with `length` zeroed entries per array. */
export function emptyLike(like: ZoneMetricsTable, length: number): ZoneMetricsTable {
  const fresh = (a: NumericArray) => new (a.constructor as new (n: number) => NumericArray)(length);
  return Object.fromEntries(
    metricColumns(like).map(([name, c]) => [name, Array.isArray(c) ? c.map(fresh) : fresh(c)]),
  ) as unknown as ZoneMetricsTable;
}

/** Each array of `from` with the array of the same field (and position in a family) of `into`. */
function eachPair(
  into: ZoneMetricsTable,
  from: ZoneMetricsTable,
  f: (target: NumericArray, source: NumericArray) => void,
): void {
  const target = new Map(metricColumns(into));
  for (const [name, c] of metricColumns(from)) {
    const t = target.get(name);
    if (!t) throw new TypeError(`metrics field "${name}" is not in the table it is written into`);
    const ts = arrays(t);
    arrays(c).forEach((a, k) => {
      f(ts[k]!, a);
    });
  }
}

/** Copy every field of `from` into `into` starting at entry `at`. */
export function copyMetrics(into: ZoneMetricsTable, from: ZoneMetricsTable, at: number): void {
  eachPair(into, from, (t, a) => {
    (t as Float64Array).set(a as Float64Array, at);
  });
}

/** Entry k of `table` moved to entry positions[k] of a table of `length` entries. */
export function scatterMetrics(
  table: ZoneMetricsTable,
  positions: Int32Array,
  length: number,
): ZoneMetricsTable {
  const out = emptyLike(table, length);
  scatterInto(out, table, positions);
  return out;
}

/** Entry k of `from` written to entry positions[k] of `into` (same fields). */
export function scatterInto(
  into: ZoneMetricsTable,
  from: ZoneMetricsTable,
  positions: ArrayLike<number>,
): void {
  eachPair(into, from, (t, a) => {
    for (let i = 0; i < positions.length; i++) t[positions[i]!] = a[i]!;
  });
}
