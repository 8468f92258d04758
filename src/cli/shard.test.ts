import { describe, expect, it } from 'vitest';
import { parseShard, ShardError, shardOrigins } from './shard';
import { syntheticRegion } from './synthetic';

const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('--shard', () => {
  it('reads <i>/<n>, or <n> with the index of a Kubernetes or AWS Batch array job', () => {
    expect(parseShard('2/4', {})).toEqual({ index: 2, count: 4 });
    expect(parseShard('4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('4', { AWS_BATCH_JOB_ARRAY_INDEX: '1' })).toEqual({ index: 1, count: 4 });
    // An explicit index wins over the environment.
    expect(parseShard('0/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 0, count: 4 });
  });

  it('refuses a spec out of range, malformed or without an index, saying which', () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['4/4', {}, /^--shard 4\/4: the index must be 0 to 3 \(shards are numbered from 0\)$/],
      ['1/0', {}, /the count must be at least 1/],
      [
        '-1/4',
        {},
        /expected <index>\/<count> \(e\.g\. 0\/4\), or <count> with the index in JOB_COMPLETION_INDEX/,
      ],
      ['a/b', {}, /expected <index>\/<count>/],
      ['4', {}, /no index given, and JOB_COMPLETION_INDEX and AWS_BATCH_JOB_ARRAY_INDEX are not set/],
      ['4', { JOB_COMPLETION_INDEX: 'x' }, /JOB_COMPLETION_INDEX=x is not a shard index/],
      ['4', { AWS_BATCH_JOB_ARRAY_INDEX: '7' }, /--shard 7\/4: the index must be 0 to 3/],
    ];
    for (const [spec, env, message] of cases) {
      const e = error(() => parseShard(spec, env));
      expect(e).toBeInstanceOf(ShardError);
      expect(e.name).toBe('ShardError');
      expect(e.message).toMatch(message);
    }
  });

  it('splits the zones into blocks of the Morton order: every zone once, sizes within one', () => {
    const region = syntheticRegion({ zones: 103, metroLinesPerAxis: 2, metroStops: 6, seed: 1 });
    const blocks = Array.from({ length: 5 }, (_, index) => shardOrigins(region, { index, count: 5 }));
    const all = blocks.flatMap((b) => [...b]).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 103 }, (_, k) => k));
    expect(blocks.map((b) => b.length)).toEqual([20, 21, 20, 21, 21]);
    for (const b of blocks) expect([...b]).toEqual([...b].sort((x, y) => x - y));
    // More shards than zones: some blocks are empty, none is lost.
    const tiny = syntheticRegion({ zones: 3, metroLinesPerAxis: 2, metroStops: 6, seed: 1 });
    const many = Array.from({ length: 5 }, (_, index) => shardOrigins(tiny, { index, count: 5 }).length);
    expect(many.reduce((s, n) => s + n, 0)).toBe(3);
  });
});
