import { describe, expect, it } from 'vitest';
import { at, handAssumptions, line, station } from '../../test/support/fixtures';
import { resolveAssumptions } from '../domain/assumptions';
import type { Direction, Line } from '../domain/line';
import type { Hub, Station } from '../domain/station';
import type { TransferRule } from '../domain/transfer';
import { type TransferEnd, TransferResolver } from './transfers';

// Hub H: metro station S, trunk station R 400 m east, metro station M 800 m north (walk 1 m/s, no detour).
const S = station('S', at(0));
const R: Station = { ...station('R', at(400), 'trunk'), processing: { entrySeconds: 100 } };
const M = station('M', at(0, 800));
const H: Hub = { id: 'H', name: { en: 'H' }, stations: ['S', 'R', 'M'] };
const m1 = line('m1', 'metro', ['S', 'M'], [60], 300);
const m2 = line('m2', 'metro', ['S', 'M'], [60], 300);
const t = line('t', 'trunk', ['R', 'S'], [60], 600);
const a = resolveAssumptions(handAssumptions());

const end = (st: Station, l: Line, direction: Direction = 0): TransferEnd => ({
  station: st,
  line: l,
  direction,
});
const resolver = (rules: TransferRule[] = []) =>
  new TransferResolver(rules, (s) => (H.stations.includes(s) ? H : undefined), a);

describe('TransferResolver: defaults', () => {
  it('inside one station: no walk to wait for the same line-direction, the layer pair otherwise; no processing', () => {
    const r = resolver();
    expect(r.resolve(end(S, m1), end(S, m1))).toEqual({ walkSeconds: 0, processingSeconds: 0 });
    expect(r.resolve(end(S, m1, 0), end(S, m1, 1))).toEqual({ walkSeconds: 180, processingSeconds: 0 });
    expect(r.resolve(end(S, m1), end(S, m2))).toEqual({ walkSeconds: 180, processingSeconds: 0 });
    expect(r.resolve(end(S, m1), end(S, t))).toEqual({ walkSeconds: 360, processingSeconds: 0 }); // metro-trunk
  });

  it('between stations of a hub: the longer of the default and the walk; exit + entry between layers', () => {
    const r = resolver();
    // S → R: max(360, 400 m) = 400; exit metro S 60 + entry R (its own value) 100
    expect(r.resolve(end(S, m1), end(R, t))).toEqual({ walkSeconds: 400, processingSeconds: 160 });
    // R → S: exit trunk 300 + entry metro 120
    expect(r.resolve(end(R, t), end(S, m1))).toEqual({ walkSeconds: 400, processingSeconds: 420 });
    // S → M, both metro: 800 m; the same paid area
    expect(r.resolve(end(S, m1), end(M, m2))).toEqual({ walkSeconds: 800, processingSeconds: 0 });
  });
});

describe('TransferResolver: the most specific rule sets each value', () => {
  it('place: station pair > station > hub, whatever the order of the rules', () => {
    const rules: TransferRule[] = [
      { at: { stations: ['S', 'R'] }, walkSeconds: 50 },
      { at: { hub: 'H' }, walkSeconds: 100 },
      { at: { station: 'S' }, walkSeconds: 70 },
    ];
    const r = resolver(rules);
    expect(r.resolve(end(S, m1), end(R, t)).walkSeconds).toBe(50);
    expect(r.resolve(end(R, t), end(S, m1)).walkSeconds).toBe(100); // a pair is from → to only
    expect(r.resolve(end(S, m1), end(S, m2)).walkSeconds).toBe(70); // a station rule: changes inside it
    expect(r.resolve(end(S, m1), end(M, m2)).walkSeconds).toBe(100);
    expect(r.resolve(end(M, m1), end(M, m2)).walkSeconds).toBe(100); // the hub covers its stations too
    expect(resolver([...rules].reverse()).resolve(end(S, m1), end(R, t)).walkSeconds).toBe(50);
  });

  it('side: line + direction > line > layer > any', () => {
    const r = resolver([
      { at: { hub: 'H' }, from: { line: 'm1', direction: 0 }, walkSeconds: 30 },
      { at: { hub: 'H' }, from: { line: 'm1' }, walkSeconds: 20 },
      { at: { hub: 'H' }, from: { layer: 'metro' }, walkSeconds: 10 },
      { at: { hub: 'H' }, walkSeconds: 40 },
    ]);
    expect(r.resolve(end(S, m1, 0), end(M, m2)).walkSeconds).toBe(30);
    expect(r.resolve(end(S, m1, 1), end(M, m2)).walkSeconds).toBe(20);
    expect(r.resolve(end(S, m2), end(M, m1)).walkSeconds).toBe(10);
    expect(r.resolve(end(R, t), end(M, m1)).walkSeconds).toBe(40);
  });

  it('the from side outranks the to side; equally specific rules: the later wins', () => {
    const r = resolver([
      { at: { hub: 'H' }, from: { line: 'm1', direction: 0 }, walkSeconds: 1 },
      { at: { hub: 'H' }, from: { layer: 'metro' }, to: { line: 't', direction: 0 }, walkSeconds: 2 },
      { at: { hub: 'H' }, to: { line: 't' }, walkSeconds: 3 },
      { at: { hub: 'H' }, to: { line: 't' }, walkSeconds: 4 },
    ]);
    expect(r.resolve(end(S, m1, 0), end(R, t)).walkSeconds).toBe(1);
    expect(r.resolve(end(S, m2), end(R, t)).walkSeconds).toBe(2);
    expect(r.resolve(end(M, t, 1), end(R, t)).walkSeconds).toBe(4); // from trunk: only the to-side rules match
  });

  it('walk and processing are resolved separately; rules that do not match are ignored', () => {
    const r = resolver([
      { at: { stations: ['S', 'R'] }, walkSeconds: 5 },
      { at: { hub: 'H' }, from: { layer: 'metro' }, to: { layer: 'trunk' }, processingSeconds: 30 },
      { at: { hub: 'H' }, from: { line: 't' }, walkSeconds: 999, processingSeconds: 999 },
      { at: { station: 'M' }, walkSeconds: 999 },
    ]);
    expect(r.resolve(end(S, m1), end(R, t))).toEqual({ walkSeconds: 5, processingSeconds: 30 });
    // S → M matches only the hub rule for trunk → …, which does not apply: defaults.
    expect(r.resolve(end(S, m1), end(M, m2))).toEqual({ walkSeconds: 800, processingSeconds: 0 });
  });
});

describe('waiting on the same platform', () => {
  it('is not a change: a station-wide rule does not apply to it, a rule naming the line on both sides does', () => {
    const a = resolveAssumptions({});
    const s = { id: 'S', name: { en: 'S' }, coord: [0, 0] as [number, number], layer: 'metro' as const };
    const line = { id: 'L', name: { en: 'L' }, layer: 'metro' as const, color: '#000000', patterns: [] };
    const other = { ...line, id: 'M' };
    const end = (l: typeof line, direction: 0 | 1) => ({ station: s, line: l, direction });
    const stationWide = new TransferResolver(
      [{ at: { station: 'S' }, walkSeconds: 240, processingSeconds: 30 }],
      () => undefined,
      a,
    );
    expect(stationWide.resolve(end(line, 0), end(line, 0))).toEqual({ walkSeconds: 0, processingSeconds: 0 });
    expect(stationWide.resolve(end(line, 0), end(other, 0))).toEqual({
      walkSeconds: 240,
      processingSeconds: 30,
    });
    const named = new TransferResolver(
      [{ at: { station: 'S' }, from: { line: 'L' }, to: { line: 'L' }, walkSeconds: 45 }],
      () => undefined,
      a,
    );
    expect(named.resolve(end(line, 0), end(line, 0))).toEqual({ walkSeconds: 45, processingSeconds: 0 });
  });
});
