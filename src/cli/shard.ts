/**
 * Sharded runs: `simulate … --shard <i>/<n> --out <part> [--omx <part.omx>]` computes block i of n of the
 * origins and writes a part (io/part.ts); `merge` puts the parts of a run together. Shards are contiguous
 * blocks of the zones' Morton order, so each shard's origins lie close together and share station rows.
 */
import { basename, dirname, relative } from 'node:path';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { ENGINE_VERSION } from '../engine/version';
import { checksum } from '../io/canonical';
import { encodeTable, PART_FORMAT, type PartDocument, serializePart } from '../io/part';
import { type Analysis, spatialOrder } from '../workers/analysis';
import type { Progress } from '../workers/pool';
import { openMatrixOutput } from './matrixOutput';
import { writeTextFile } from './output';

/** A shard spec that cannot be used: malformed, out of range, or without an index to be found. */
export class ShardError extends Error {
  override readonly name = 'ShardError';
}

export interface ShardSpec {
  index: number;
  count: number;
}

/** Environment variables that carry an array job's index: Kubernetes Indexed Jobs, AWS Batch array jobs. */
export const INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/**
 * `<i>/<n>` (shard i of n, numbered from 0), or `<n>` with i from JOB_COMPLETION_INDEX or
 * AWS_BATCH_JOB_ARRAY_INDEX (the first that is set).
 */
export function parseShard(spec: string, env: Record<string, string | undefined> = process.env): ShardSpec {
  const m = /^\s*(?:(\d+)\s*\/\s*)?(\d+)\s*$/.exec(spec);
  if (!m)
    throw new ShardError(
      `--shard ${spec}: expected <index>/<count> (e.g. 0/4), or <count> with the index in ${INDEX_VARIABLES.join(' or ')}`,
    );
  const count = Number(m[2]);
  if (count < 1) throw new ShardError(`--shard ${spec}: the count must be at least 1`);
  let index: number;
  if (m[1] !== undefined) index = Number(m[1]);
  else {
    const name = INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== '');
    if (!name)
      throw new ShardError(
        `--shard ${spec}: no index given, and ${INDEX_VARIABLES.join(' and ')} are not set`,
      );
    if (!/^\d+$/.test(env[name]!.trim()))
      throw new ShardError(`--shard ${spec}: ${name}=${env[name]} is not a shard index`);
    index = Number(env[name]);
  }
  if (index >= count)
    throw new ShardError(
      `--shard ${index}/${count}: the index must be 0 to ${count - 1} (shards are numbered from 0)`,
    );
  return { index, count };
}

/** The zones (indices, ascending) whose rows shard `s` computes. */
export function shardOrigins(network: Network, s: ShardSpec): Int32Array {
  const order = spatialOrder(network.zones.map((z) => z.centroid));
  const z = order.length;
  const from = Math.floor((s.index * z) / s.count);
  const to = Math.floor(((s.index + 1) * z) / s.count);
  return order.slice(from, to).sort();
}

export interface ShardRequest {
  analysis: Analysis;
  network: Network;
  networkFile: string;
  networkKey: string;
  scenario: Scenario | null;
  scenarioFile: string | undefined;
  period: string;
  shard: ShardSpec;
  /** The part file to write. */
  out: string;
  /** Also the shard's rows of the OMX matrices (an OMX file with only these rows written). */
  omx?: string;
  onProgress?: (p: Progress) => void;
}

/** Compute one shard and write its part (and OMX rows); nothing is left behind on failure. */
export async function runShard(r: ShardRequest): Promise<void> {
  const origins = shardOrigins(r.network, r.shard);
  const omx = r.omx
    ? await openMatrixOutput(r.omx, r, { shard: `${r.shard.index}/${r.shard.count}` })
    : undefined;
  try {
    const request = { network: r.network, networkKey: r.networkKey, scenario: r.scenario, period: r.period };
    const runs = await r.analysis.shard(
      {
        ...request,
        ...(r.onProgress && { onProgress: r.onProgress }),
        ...(omx && { sink: omx.sink }),
      },
      origins,
    );
    const part: PartDocument = {
      format: PART_FORMAT,
      generatedAt: new Date().toISOString(),
      engine: { name: 'commuteshed', version: ENGINE_VERSION },
      inputs: {
        network: { file: r.networkFile, id: r.network.id, checksum: r.networkKey },
        scenario: r.scenario
          ? { file: r.scenarioFile ?? '', id: r.scenario.id, checksum: await checksum(r.scenario) }
          : null,
        period: r.period,
      },
      shard: { index: r.shard.index, count: r.shard.count, zones: r.network.zones.length },
      origins: Array.from(origins),
      metrics: {
        baseline: encodeTable(runs.baseline.rows.metrics),
        ...(runs.scenario && { scenario: encodeTable(runs.scenario.rows.metrics) }),
      },
      ...(omx &&
        r.omx && {
          omx: {
            file: relative(dirname(r.out), r.omx) || basename(r.omx),
            matrices: omx.matrices,
          },
        }),
    };
    // The OMX first: a part on disk means its rows are too.
    omx?.commit();
    await writeTextFile(r.out, [serializePart(part)]);
  } catch (e) {
    omx?.discard();
    throw e;
  }
}
