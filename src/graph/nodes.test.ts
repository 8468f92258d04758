import { describe, expect, it } from 'vitest';
import { at, line, network, station, zone } from '../../test/support/fixtures';
import { Router } from '../engine/router';
import { buildSpec } from './build';
import { compile } from './compile';
import { lineLabel, parseLabel } from './nodes';

/** Routes between every pair of zones, as (time, cost). */
function allRows(net: ReturnType<typeof network>) {
  const g = compile(buildSpec(net, 'am-peak'));
  const r = new Router(g);
  const out: number[][] = [];
  for (let o = 0; o < g.zoneCount; o++) {
    const t = new Float64Array(g.zoneCount);
    const c = new Float64Array(g.zoneCount);
    r.row(o, t, c);
    out.push([...t, ...c]);
  }
  return out;
}

describe('node keys', () => {
  it('give the same graph whatever characters ids contain (GTFS ids may hold # and |)', () => {
    const make = (a: string, b: string, c: string, l1: string, l2: string) =>
      network({
        zones: [zone('Z1', at(0, 200)), zone('Z2', at(4000, 200)), zone('Z3', at(4000, 3000))],
        stations: [station(a, at(0)), station(b, at(4000)), station(c, at(4000, 2800))],
        lines: [line(l1, 'metro', [a, b], [300], 240), line(l2, 'metro', [b, c], [200], 300)],
      });
    const plain = allRows(make('a', 'b', 'c', 'L1', 'L2'));
    // "b|L2" and "a#1": separators the old keys used, arranged so naive joining would collide.
    const tricky = allRows(make('a#1', 'b|L2', 'c|', 'L1#0', 'L2|x#1'));
    expect(tricky).toEqual(plain);
    expect(plain[0]![2]).toBeLessThan(Number.POSITIVE_INFINITY);
  });

  it('parse back the line and direction of a label', () => {
    expect(parseLabel(lineLabel('L#1|x', 1))).toEqual({ line: 'L#1|x', direction: 1 });
  });
});
