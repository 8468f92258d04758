import { describe, expect, it } from 'vitest';
import { ok, problems } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import type { SetProcessing } from '../scenario';
import { setProcessing } from './setProcessing';

describe('set-processing', () => {
  it('a layer: the network assumptions change, everything else in them stays', () => {
    const base = toyNetwork();
    const net = ok(setProcessing, base, { type: 'set-processing', layer: 'trunk', entrySeconds: 300 });
    expect(net.assumptions?.layers?.trunk).toEqual({ ...base.assumptions?.layers?.trunk, entrySeconds: 300 });
    expect({ ...net.assumptions, layers: undefined }).toEqual({ ...base.assumptions, layers: undefined });
    expect(net.stations).toEqual(base.stations);
  });

  it('listed stations, merged with what they had; a hub sets each of its stations', () => {
    const base = toyNetwork();
    base.stations[0] = { ...base.stations[0]!, processing: { entrySeconds: 200, exitSeconds: 100 } };
    const net = ok(setProcessing, base, { type: 'set-processing', stations: ['A', 'B'], exitSeconds: 10 });
    expect(net.stations.slice(0, 3).map((s) => s.processing)).toEqual([
      { entrySeconds: 200, exitSeconds: 10 },
      { exitSeconds: 10 },
      undefined,
    ]);
    const hub = ok(setProcessing, base, {
      type: 'set-processing',
      hub: 'H',
      entrySeconds: 0,
      exitSeconds: 0,
    });
    expect(hub.stations.filter((s) => s.processing).map((s) => s.id)).toEqual(['A', 'C', 'R2']);
    expect(hub.stations.find((s) => s.id === 'R2')!.processing).toEqual({ entrySeconds: 0, exitSeconds: 0 });
  });

  it('problems: the target, the times', () => {
    const base = toyNetwork();
    const mod = (extra: Partial<SetProcessing>): SetProcessing => ({
      type: 'set-processing',
      entrySeconds: 60,
      ...extra,
    });
    const one = { path: '$.modifications[0].layer', message: 'name exactly one of layer, stations or hub' };
    expect(problems(setProcessing, base, mod({}))).toEqual([one]);
    expect(problems(setProcessing, base, mod({ layer: 'metro', hub: 'H' }))).toEqual([one]);
    expect(problems(setProcessing, base, mod({ layer: 'metro', entrySeconds: undefined }))).toEqual([
      { path: '$.modifications[0].entrySeconds', message: 'set entrySeconds, exitSeconds or both' },
    ]);
    expect(problems(setProcessing, base, mod({ stations: ['A', 'Q'], exitSeconds: -2 }))).toEqual([
      { path: '$.modifications[0].exitSeconds', message: 'must be a number of seconds ≥ 0, got -2' },
      { path: '$.modifications[0].stations[1]', message: 'unknown station "Q"' },
    ]);
    expect(problems(setProcessing, base, mod({ stations: [] }))).toEqual([
      { path: '$.modifications[0].stations', message: 'list at least one station' },
    ]);
    expect(problems(setProcessing, base, mod({ hub: 'X' }))).toEqual([
      { path: '$.modifications[0].hub', message: 'unknown hub "X"' },
    ]);
    expect(problems(setProcessing, base, mod({ layer: 'tram' as 'metro' }))).toEqual([
      {
        path: '$.modifications[0].layer',
        message: 'unknown layer "tram" (trunk, intercity, suburban or metro)',
      },
    ]);
  });
});
