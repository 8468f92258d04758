import { describe, expect, it } from 'vitest';
import { at, scenario } from '../../test/support/fixtures';
import { deepFreeze } from '../../test/support/route';
import { toyNetwork } from '../../test/support/toy';
import { applyScenario } from './applyScenario';
import { MODIFICATION_ORDER } from './modifications/index';
import type { Network } from './network';
import type { Modification } from './scenario';

/** One modification of every type, listed in the reverse of the order they apply in. */
function everyType(): Modification[] {
  const mods: Modification[] = [
    // A feeder to E, which extend-line creates: feeders apply after everything that makes stations.
    { type: 'add-feeder', station: 'E', radiusMeters: 3000, headways: { 'am-peak': 600 }, speedKmh: 20 },
    { type: 'set-processing', layer: 'trunk', entrySeconds: 300 },
    { type: 'set-transfer', at: { hub: 'H' }, processingSeconds: 0 },
    { type: 'set-headway', line: 'N', headways: { 'am-peak': 200 } },
    { type: 'adjust-speed', line: 'M1', speedFactor: 1.25 },
    { type: 'through-run', from: 'N', to: 'M2', station: 'B' },
    {
      type: 'add-pattern',
      line: 'M1',
      pattern: { id: 'exp', stops: ['A', 'C'], headways: { 'am-peak': 900 } },
    },
    {
      type: 'extend-line',
      line: 'M1',
      end: 'last',
      stops: [{ id: 'E', name: { en: 'E' }, coord: at(10000) }],
      runSeconds: [500],
    },
    {
      type: 'add-line',
      line: { id: 'N', name: { en: 'N' }, layer: 'metro', color: '#00aa00' },
      stops: ['R2', 'B'],
      runSeconds: [400],
      headways: { 'am-peak': 300 },
    },
    { type: 'close-station', station: 'R1' },
    { type: 'remove-line', line: 'T' },
  ];
  expect(mods.map((m) => m.type)).toEqual([...MODIFICATION_ORDER].reverse());
  return mods;
}

describe('applyScenario', () => {
  it('an empty scenario is the base itself', () => {
    const base = deepFreeze(toyNetwork());
    expect(applyScenario(base, scenario([], 'toy'))).toEqual({ ok: true, network: base });
  });

  it('applies in the fixed order whatever the listed order, and never mutates the base', () => {
    const base = deepFreeze(toyNetwork());
    const snapshot = structuredClone(base);
    const result = applyScenario(base, scenario(everyType(), 'toy'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(base).toEqual(snapshot);
    const net = result.network;
    // Each of them shows: T removed, R1 closed, N added and run through onto M2, M1 extended, …
    expect(net.lines.map((l) => l.id)).toEqual(['M1', 'M2', 'N']);
    expect(net.stations.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'R2', 'E']);
    const n = net.lines[2]!;
    // N every 300 s, M2 every 600 s: every other N train runs on through B to D (and back); then
    // set-headway makes all of N's patterns, the through trains too, every 200 s.
    expect(n.patterns.map((p) => [p.id, p.stops, p.headways])).toEqual([
      ['main', ['R2', 'B'], { 'am-peak': 200 }],
      ['main', ['B', 'R2'], { 'am-peak': 200 }],
      ['through-M2', ['R2', 'B', 'D'], { 'am-peak': 200 }],
    ]);
    expect(net.lines[0]!.patterns.map((p) => [p.id, p.stops, p.runSeconds])).toEqual([
      ['all', ['A', 'B', 'C', 'E'], [240, 320, 400]],
      ['all', ['E', 'C', 'B', 'A'], [400, 320, 240]],
      ['exp', ['A', 'C'], [528]], // (700 − 40) / 1.25: the express is added before the speed-up
      ['exp', ['C', 'A'], [528]],
    ]);
    expect(net.transfers).toEqual([{ at: { hub: 'H' }, processingSeconds: 0 }]);
    expect(net.assumptions?.layers?.trunk?.entrySeconds).toBe(300);
    expect(net.feeders).toEqual([
      { id: 'feeder-E', station: 'E', radiusMeters: 3000, headways: { 'am-peak': 600 }, speedKmh: 20 },
    ]);
  });

  it('disabled modifications are kept out', () => {
    const base = toyNetwork();
    const off = everyType().map((m) => ({ ...m, enabled: false }));
    expect(applyScenario(base, scenario(off, 'toy'))).toEqual({ ok: true, network: base });
  });

  it('reports every problem of every modification, then no network', () => {
    const mods: Modification[] = [
      { type: 'set-headway', line: 'T', headways: { 'am-peak': 600 } },
      { type: 'remove-line', line: 'T' },
      {
        type: 'add-line',
        line: { id: 'N', name: { en: 'N' }, layer: 'metro', color: '#00aa00' },
        stops: ['R1', 'Q'],
        runSeconds: [400],
        headways: { 'am-peak': 300 },
      },
      { type: 'close-station', station: 'R1' },
      { type: 'frobnicate' } as unknown as Modification,
    ];
    expect(applyScenario(toyNetwork(), { ...scenario(mods, 'toy'), network: 'other' })).toEqual({
      ok: false,
      issues: [
        { path: '$.network', message: 'scenario is for network "other", not "toy"' },
        {
          path: '$.modifications[2].stops[0]',
          message: 'station "R1" was closed by modification 3 (close-station)',
        },
        { path: '$.modifications[2].stops[1]', message: 'unknown station "Q"' },
        { path: '$.modifications[0].line', message: 'line "T" was removed by modification 1 (remove-line)' },
        { path: '$.modifications[4].type', message: 'unknown modification type "frobnicate"' },
      ],
    });
  });

  it('a modification that passed validation but trips its resolver is reported, not thrown', () => {
    const odd = {
      type: 'set-headway',
      line: 'M1',
      patterns: 5,
      headways: { 'am-peak': 60 },
    } as unknown as Modification;
    const result = applyScenario(toyNetwork(), scenario([odd], 'toy'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.path).toBe('$.modifications[0]');
    expect(result.issues[0]!.message).toMatch(/^cannot be applied: /);
  });

  it('later modifications see earlier ones: a line added then changed, a station added then used', () => {
    const mods: Modification[] = [
      {
        type: 'add-pattern',
        line: 'N',
        pattern: { id: 'short', stops: ['A', 'X'], headways: { 'am-peak': 600 } },
      },
      {
        type: 'add-line',
        line: { id: 'N', name: { en: 'N' }, layer: 'metro', color: '#00aa00' },
        stops: ['A', { id: 'X', name: { en: 'X' }, coord: at(0, 3000) }, 'D'],
        runSeconds: [300, 300],
        headways: { 'am-peak': 300 },
      },
      { type: 'extend-line', line: 'M2', end: 'last', stops: ['X'], runSeconds: [240] },
    ];
    const result = applyScenario(toyNetwork(), scenario(mods, 'toy'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const net: Network = result.network;
    expect(net.lines.find((l) => l.id === 'N')!.patterns.map((p) => p.id)).toEqual([
      'main',
      'main',
      'short',
      'short',
    ]);
    expect(net.lines.find((l) => l.id === 'M2')!.patterns[0]!.stops).toEqual(['B', 'D', 'X']);
  });
});
