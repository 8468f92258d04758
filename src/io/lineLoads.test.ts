/**
 * Line loads on a hand-made network, every figure worked out here (golden files: lineLoads.golden/,
 * regenerated on purpose only, with `npx vitest run src/io/lineLoads.test.ts -u`):
 *
 *   x ──R── a ──M── b ──M── c         stations on the equator: x at −2 km, a at 0, b at 5 km, c at 10 km;
 *                           │ N       n 3 km north of c (the scenario's new station).
 *                           n
 *
 * The scenario removes the suburban line R and adds the metro line N (c ↔ n). Riders per segment (as the
 * assignment reports them; loaded segments only):
 *   M  baseline a→b 100, b→c 60, c→b 40, b→a 70      scenario a→b 120, b→c 90, c→b 55 (b→a: nobody)
 *   R  baseline x→a 30, a→x 12.34                      scenario: does not run
 *   N  baseline: does not run                          scenario c→n 25, n→c 15
 * So the rows, direction 0 before 1 and in stop order (km: 5 between a, b and c; 2 from x; 3 to n):
 *   M 0 a→b 5 km: 100 → 120 (+20);  M 0 b→c: 60 → 90 (+30);  M 1 c→b: 40 → 55 (+15);
 *   M 1 b→a: 70 → 0 (−70: M runs it, the report has no riders on it);
 *   R 0 x→a 2 km: 30 → not run (−30);  R 1 a→x: 12.3 (12.34 to the tenth) → not run (−12.3);
 *   N 0 c→n 3 km: not run → 25 (+25);  N 1 n→c: not run → 15 (+15).
 */
import { describe, expect, it } from 'vitest';
import { at, line, network, station, zone } from '../../test/support/fixtures';
import type { LineReport, Segment } from '../demand/report';
import type { Network } from '../domain/network';
import { lineLoads, lineLoadsCsv, lineLoadsGeoJson, lineLoadTable, loadChange } from './lineLoads';

const base: Network = network({
  zones: [zone('Z', at(0, 100))],
  stations: [
    { ...station('x', at(-2000), 'suburban'), name: { en: 'Ex', zh: '艾克斯' } },
    { ...station('a', at(0)), name: { en: 'Ay', zh: '甲' } },
    station('b', at(5000)),
    station('c', at(10000)),
  ],
  lines: [
    line('M', 'metro', ['a', 'b', 'c'], [300, 300], 300),
    line('R', 'suburban', ['x', 'a'], [200], 600),
  ],
});
const after: Network = {
  ...base,
  stations: [...base.stations, station('n', at(10000, 3000))],
  lines: [
    base.lines[0]!,
    { ...line('N', 'metro', ['c', 'n'], [240], 300), name: { en: 'New, "north" line', zh: '北线' } },
  ],
};

const seg = (direction: 0 | 1, from: string, to: string, riders: number): Segment => ({
  direction,
  from,
  to,
  km: 0, // not read: lengths come from the stations
  riders,
});
const figures = (boardings: number) => ({ boardings, passengerKm: 0, maxSectionLoad: 0 });
const meta = (id: string, name: LineReport['name'], layer: LineReport['layer']) => ({
  line: id,
  name,
  layer,
  color: '#336699',
});
const report: LineReport[] = [
  {
    ...meta('M', { en: 'M' }, 'metro'),
    baseline: figures(170),
    scenario: figures(120),
    segments: {
      baseline: [seg(0, 'a', 'b', 100), seg(0, 'b', 'c', 60), seg(1, 'c', 'b', 40), seg(1, 'b', 'a', 70)],
      scenario: [seg(1, 'c', 'b', 55), seg(0, 'a', 'b', 120), seg(0, 'b', 'c', 90)],
    },
  },
  {
    ...meta('R', { en: 'R' }, 'suburban'),
    baseline: figures(42.34),
    scenario: null,
    segments: { baseline: [seg(0, 'x', 'a', 30), seg(1, 'a', 'x', 12.34)], scenario: [] },
  },
  {
    ...meta('N', { en: 'New, "north" line', zh: '北线' }, 'metro'),
    baseline: null,
    scenario: figures(40),
    segments: { baseline: [], scenario: [seg(0, 'c', 'n', 25), seg(1, 'n', 'c', 15)] },
  },
];

describe('line loads', () => {
  const loads = lineLoads(report, { baseline: base, scenario: after });

  it('has one row per line, direction and segment, with riders per side as worked out', () => {
    expect(
      loads.map((l) => [
        l.line,
        l.direction,
        l.from.id,
        l.to.id,
        l.km,
        l.baseline,
        l.scenario,
        loadChange(l),
      ]),
    ).toEqual([
      ['M', 0, 'a', 'b', 5, 100, 120, 20],
      ['M', 0, 'b', 'c', 5, 60, 90, 30],
      ['M', 1, 'c', 'b', 5, 40, 55, 15],
      ['M', 1, 'b', 'a', 5, 70, 0, -70],
      ['R', 0, 'x', 'a', 2, 30, null, -30],
      ['R', 1, 'a', 'x', 2, 12.3, null, -12.3],
      ['N', 0, 'c', 'n', 3, null, 25, 25],
      ['N', 1, 'n', 'c', 3, null, 15, 15],
    ]);
  });

  it('writes the CSV and GeoJSON of the golden files', async () => {
    const csv = lineLoadsCsv(loads, true);
    expect(csv.startsWith('\ufeffline,line_en,line_zh,layer,direction,from,')).toBe(true);
    expect(csv.split('\r\n')[7]).toBe('N,"New, ""north"" line",北线,metro,0,c,c,,n,n,,3,,25,25');
    await expect(csv).toMatchFileSnapshot('./lineLoads.golden/fixture.lineLoads.csv');
    const geo = lineLoadsGeoJson(loads, true, {
      network: 'fixture',
      scenario: { id: 'test', name: 'N instead of R' },
      period: 'am-peak',
      term: 'short',
    });
    expect(geo.features[6]!.geometry.coordinates).toEqual([at(10000), at(10000, 3000)]);
    expect(geo.features[6]!.properties).toMatchObject({ line: 'N', baseline_riders: null, delta_riders: 25 });
    await expect(`${JSON.stringify(geo, null, 2)}\n`).toMatchFileSnapshot(
      './lineLoads.golden/fixture.lineLoads.geojson',
    );
  });

  it('without a scenario: the baseline column only, and lines the baseline does not run left out', () => {
    const only = lineLoads(
      report.map(({ scenario: _s, sources: _o, ...l }) => ({
        ...l,
        segments: { baseline: l.segments.baseline },
      })),
      { baseline: base },
    );
    const table = lineLoadTable(only, false);
    expect(table.columns.slice(-2)).toEqual(['km', 'baseline_riders']);
    expect(table.rows.map((r) => `${r[0]} ${r[5]}→${r[8]} ${r.at(-1)}`)).toEqual([
      'M a→b 100',
      'M b→c 60',
      'M c→b 40',
      'M b→a 70',
      'R x→a 30',
      'R a→x 12.3',
    ]);
    expect(only.every((l) => !('scenario' in l))).toBe(true);
  });

  it('names a station that neither network has', () => {
    const stray = [{ ...report[0]!, segments: { baseline: [seg(0, 'a', 'q', 1)] } }];
    expect(() => lineLoads(stray, { baseline: base })).toThrow('station "q" is in neither network');
  });
});
