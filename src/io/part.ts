/**
 * A part of a sharded run (`simulate --shard i/n`): the per-zone metrics of one block of origins, with
 * the inputs (by checksum) and the shard they belong to, so `merge` can check that a set of parts is one
 * run, whole, and put it together. Machine-written, compact JSON; its metric tables are encoded field
 * by field whatever the fields are, numbers exactly (as JSON numbers; "Infinity", "-Infinity", "NaN", "-0"
 * as strings).
 */
import { z } from 'zod';
import type { Issue } from '../domain/issue';
import type { ZoneMetricsTable } from '../metrics/originMetrics';
import { parseJson } from './json';
import { failed, type LoadResult } from './result';
import { validate } from './zodIssues';

export const PART_FORMAT = 'commuteshed.part/1';

const ARRAY_TYPES = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type ArrayType = keyof typeof ARRAY_TYPES;
type NumericArray = InstanceType<(typeof ARRAY_TYPES)[ArrayType]>;

const value = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN', '-0'])]);
const arrayType = z.enum(Object.keys(ARRAY_TYPES) as [ArrayType, ...ArrayType[]]);
const column = z.union([
  z.strictObject({ type: arrayType, values: z.array(value) }),
  z.strictObject({ type: arrayType, columns: z.array(z.array(value)) }),
]);
const table = z.record(z.string(), column);
const input = z.strictObject({
  file: z.string().describe('As given to simulate (relative to its working directory).'),
  id: z.string(),
  checksum: z.string().describe('SHA-256 of the canonical JSON of the loaded file.'),
});

const partSchema = z
  .strictObject({
    format: z.literal(PART_FORMAT),
    generatedAt: z.string(),
    engine: z.strictObject({ name: z.literal('commuteshed'), version: z.string() }),
    inputs: z.strictObject({ network: input, scenario: input.nullable(), period: z.string() }),
    shard: z.strictObject({
      index: z.int().min(0),
      count: z.int().min(1),
      zones: z.int().min(0).describe('Zones of the network (every shard holds some of their rows).'),
    }),
    origins: z.array(z.int().min(0)).describe('Zone indices of this shard, in the order of the tables.'),
    metrics: z.strictObject({ baseline: table, scenario: table.optional() }),
    omx: z
      .strictObject({ file: z.string().describe('Beside this part.'), matrices: z.array(z.string()) })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.shard.index >= p.shard.count)
      ctx.addIssue({
        code: 'custom',
        path: ['shard', 'index'],
        message: `must be below count ${p.shard.count}`,
      });
    p.origins.forEach((o, k) => {
      if (o >= p.shard.zones)
        ctx.addIssue({ code: 'custom', path: ['origins', k], message: `zone ${o} of ${p.shard.zones}` });
    });
    for (const [side, t] of Object.entries(p.metrics)) {
      for (const [name, c] of Object.entries(t ?? {})) {
        const lists = 'values' in c ? [c.values] : c.columns;
        if (lists.some((l) => l.length !== p.origins.length))
          ctx.addIssue({
            code: 'custom',
            path: ['metrics', side, name],
            message: `needs one value per origin (${p.origins.length})`,
          });
      }
    }
  });

export type PartDocument = z.infer<typeof partSchema>;
export type EncodedTable = z.infer<typeof table>;

const encodeValue = (x: number): z.infer<typeof value> =>
  Object.is(x, -0)
    ? '-0'
    : Number.isFinite(x)
      ? x
      : Number.isNaN(x)
        ? 'NaN'
        : x > 0
          ? 'Infinity'
          : '-Infinity';
const decodeValue = (x: number | string): number => (typeof x === 'number' ? x : Number(x));

const isNumericArray = (v: unknown): v is NumericArray =>
  ArrayBuffer.isView(v) && v.constructor.name in ARRAY_TYPES;

/** Every field of a metrics table, as JSON that decodes to the same arrays, bit for bit. */
export function encodeTable(t: ZoneMetricsTable): EncodedTable {
  return Object.fromEntries(
    Object.entries(t).map(([name, c]: [string, unknown]) => {
      if (isNumericArray(c))
        return [name, { type: c.constructor.name as ArrayType, values: Array.from(c, encodeValue) }];
      if (Array.isArray(c) && c.length > 0 && c.every(isNumericArray))
        return [
          name,
          { type: c[0]!.constructor.name as ArrayType, columns: c.map((a) => Array.from(a, encodeValue)) },
        ];
      throw new TypeError(`metrics field "${name}" is neither a typed array nor a list of them`);
    }),
  );
}

export function decodeTable(t: EncodedTable): ZoneMetricsTable {
  const array = (type: ArrayType, values: (number | string)[]) => {
    const a = new ARRAY_TYPES[type](values.length);
    values.forEach((x, k) => {
      a[k] = decodeValue(x);
    });
    return a;
  };
  return Object.fromEntries(
    Object.entries(t).map(([name, c]) => [
      name,
      'values' in c ? array(c.type, c.values) : c.columns.map((v) => array(c.type, v)),
    ]),
  ) as unknown as ZoneMetricsTable;
}

export function serializePart(part: PartDocument): string {
  return `${JSON.stringify(part)}\n`;
}

/** Parse and check one part file: the document, or every problem (a cut-off file says where it ends). */
export function loadPart(file: string, text: string): LoadResult<PartDocument> {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return failed(
      file,
      parsed.issues.map((i) => ({ ...i, message: `${i.message} — a truncated or damaged part` })),
    );
  const result = validate(partSchema, parsed.value);
  return result.success ? { ok: true, value: result.data } : failed(file, result.issues);
}

/** What makes two parts one run: the same inputs, period, engine and number of shards. */
function runOf(p: PartDocument) {
  const s = p.inputs.scenario;
  return {
    'network checksum': p.inputs.network.checksum,
    'scenario checksum': s ? s.checksum : 'none',
    period: p.inputs.period,
    engine: p.engine.version,
    'shard count': String(p.shard.count),
    zones: String(p.shard.zones),
  };
}

/**
 * Whether `parts` are every shard of one run exactly once, and their origins every zone exactly once:
 * each problem names the files (a part of another run is "foreign", against the first part given).
 */
export function partSetIssues(parts: readonly { file: string; part: PartDocument }[]): Issue[] {
  const issues: Issue[] = [];
  if (parts.length === 0) return [{ path: '$', message: 'no parts given' }];
  const [first, ...rest] = parts;
  const reference = runOf(first!.part);
  for (const { file, part } of rest) {
    const run = runOf(part);
    const differs = (Object.keys(reference) as (keyof typeof reference)[]).filter(
      (k) => run[k] !== reference[k],
    );
    if (differs.length > 0)
      issues.push({
        path: file,
        message: `foreign part: not of the run of ${first!.file} (${differs.map((k) => `${k} ${run[k]} vs ${reference[k]}`).join('; ')})`,
      });
  }
  if (issues.length > 0) return issues;
  const count = first!.part.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const { file, part } of parts)
    byIndex.set(part.shard.index, [...(byIndex.get(part.shard.index) ?? []), file]);
  for (const [index, files] of [...byIndex].sort((a, b) => a[0] - b[0]))
    if (files.length > 1)
      issues.push({ path: files.join(', '), message: `shard ${index}/${count} given ${files.length} times` });
  const missing = Array.from({ length: count }, (_, k) => k).filter((k) => !byIndex.has(k));
  if (missing.length > 0)
    issues.push({
      path: '$',
      message: `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')}`,
    });
  if (issues.length > 0) return issues;
  const zones = first!.part.shard.zones;
  const seen = new Uint8Array(zones);
  for (const { file, part } of parts) {
    const again = part.origins.filter((o) => seen[o]! > 0);
    if (again.length > 0)
      issues.push({
        path: file,
        message: `${again.length} of its zones are in another part too (zone ${again[0]}, …)`,
      });
    for (const o of part.origins) seen[o] = 1;
  }
  const uncovered = seen.reduce((n, s) => n + (s ? 0 : 1), 0);
  if (uncovered > 0) issues.push({ path: '$', message: `${uncovered} zones are in no part` });
  return issues;
}
