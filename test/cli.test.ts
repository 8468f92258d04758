import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../src/io/schema/results';
import { brokenToyScenario, simulate } from './support/headless';

type Area = NonNullable<ResultsDocument['districts']>[number];

describe('npm run simulate', () => {
  it('writes byte-identical results for identical inputs, apart from the timestamp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const args = [
      '--network',
      'networks/toy.network.json',
      '--scenario',
      'scenarios/toy-express.scenario.json',
      '--workers',
      '2',
    ];
    const [a, b] = await Promise.all([
      simulate(...args, '--out', join(dir, 'a.json')),
      simulate(...args, '--out', join(dir, 'b.json'), '--matrix'),
    ]);
    expect(a.stderr).toMatch(/79 zones, baseline \+ scenario in/);
    expect(b.stderr).toMatch(/computing 100%/);
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');
    const first = strip(readFileSync(join(dir, 'a.json'), 'utf8'));
    await simulate(...args, '--out', join(dir, 'c.json'));
    expect(strip(readFileSync(join(dir, 'c.json'), 'utf8'))).toBe(first);
    const withMatrix = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(withMatrix.matrix.baseline).toHaveLength(79);
    expect(withMatrix.matrix.baseline[0]).toHaveLength(79);
    const { matrix: _m, generatedAt: _g, ...rest } = withMatrix;
    const { generatedAt: _g2, ...plain } = JSON.parse(first);
    expect(rest).toEqual(plain);
  }, 120_000);

  it('prints the path detail of a trip, baseline and scenario, as legs', async () => {
    // The toy network's New Town → Central trip, leg by leg: a bike to New Town (1.4 km: 3 min to find, unlock
    // and park, then 1.4 km × 1.3 at 13 km/h = 8.5 min), entry 5.0 (suburban), half of the 10-min headway, 16.0 min
    // ride, a change at the Toyton hub with 7 min of security, half of Metro 2's 4-min headway, 6.2 min ride,
    // 1 min exit, then the zone's centroid is the station's.
    const { stderr } = await simulate(
      '--network',
      'networks/toy.network.json',
      '--scenario',
      'scenarios/toy-rail-integration.scenario.json',
      '--trip',
      'z15_-9,z0_0',
      '--out',
      join(mkdtempSync(join(tmpdir(), 'commuteshed-')), 'r.json'),
    );
    const lines = stderr.split('\n').filter((l) => /^(baseline:|scenario "| {2}\d)/.test(l));
    expect(lines.slice(0, 8)).toEqual([
      'baseline: zone z15_-9 → zone z0_0: 57.6 min by rail (walk 0.0 min, bike 11.5 min, bus 0.0 min, wait 7.0 min, ride 22.2 min, transfer 4.0 min, station processing 13.0 min; 2 boardings; perceived 91.6 min)',
      '  1. bike zone z15_-9 → New Town, 1.4 km: 11.5 min (unlock and park included)',
      '  2. enter New Town (security, gates): 5.0 min',
      '  3. wait 5.0 min (every 10.0 min), ride Airport Suburban Line towards Toyton Railway Station from New Town to Toyton Railway Station, 2 stops: 16.0 min',
      '  4. change at Toyton Railway Station to Railway Square: walk 4.0 min, security 7.0 min',
      '  5. wait 2.0 min (every 4.0 min), ride Metro 2 towards University from Railway Square to Central, 2 stops: 6.2 min',
      '  6. leave Central: 1.0 min',
      '  7. walk Central → zone z0_0, 0.0 km: 0.0 min',
    ]);
    // Walk-on suburban rail every 5 minutes and mutual recognition at the hub: 10 min less processing,
    // 2.5 min less waiting.
    expect(lines[8]).toMatch(/^scenario ".+": zone z15_-9 → zone z0_0: 45\.1 min /);
    expect(lines).toHaveLength(16);
    // Then the door-to-door figures of the whole network, baseline and scenario.
    expect(stderr).toMatch(
      /^baseline, all zones \(\S+ people\): mean time to the core \d+\.\d min, no path 0$/m,
    );
    expect(stderr).toMatch(/^ {2}by walk \d+\.\d %, bike \d+\.\d %, bus \d+\.\d %, rail \d+\.\d %$/m);
    expect(stderr).toMatch(/^scenario, all zones /m);
  });

  it('exits 1 and lists every problem of a bad scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const bad = join(dir, 'bad.scenario.json');
    writeFileSync(bad, JSON.stringify(brokenToyScenario));
    const error = await simulate('--network', 'networks/toy.network.json', '--scenario', bad).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/bad\.scenario\.json: 7 problem\(s\)/);
    expect(error?.stderr).toMatch(/\$\.modifications\[0\]\.line: unknown line "m9"/);
    expect(error?.stderr).toMatch(/\$\.modifications\[1\]\.speedFactor: must be ≥ 0.1, got -1/);
    expect(error?.stderr).toMatch(/\$\.modifications\[2\]\.line\.name: missing/);
  }, 60_000);

  it('breaks the results down by district, named with subdistricts from the boundaries file beside the network', async () => {
    // The toy network with districts West and East (by the side of the meridian a zone's centroid is on),
    // and a boundaries file naming them, with one subdistrict of two central zones.
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const toy = JSON.parse(readFileSync('networks/toy.network.json', 'utf8'));
    for (const z of toy.zones) z.district = z.centroid[0] < 0 ? 'W' : 'E';
    writeFileSync(join(dir, 'toy.network.json'), JSON.stringify(toy));
    const area = (level: string, code: string, more: object) => ({
      type: 'Feature',
      properties: {
        level,
        code,
        name: { en: code === 'W' ? 'West' : code === 'E' ? 'East' : 'Middle' },
        label: [0, 45],
        ...more,
      },
      geometry: null,
    });
    const boundaries = (zones: string[]) =>
      JSON.stringify({
        type: 'FeatureCollection',
        format: 'commuteshed.boundaries/1',
        network: 'toy',
        attribution: [{ text: 'invented' }],
        features: [
          area('district', 'W', {}),
          area('district', 'E', {}),
          area('subdistrict', 'E1', { district: 'E', zones }),
        ],
      });
    writeFileSync(join(dir, 'toy.boundaries.geojson'), boundaries(['z0_0', 'z2_0']));
    const out = join(dir, 'r.json');
    const args = [
      '--network',
      join(dir, 'toy.network.json'),
      '--scenario',
      'scenarios/toy-rail-integration.scenario.json',
    ];
    await simulate(...args, '--out', out);
    const doc: ResultsDocument = JSON.parse(readFileSync(out, 'utf8'));
    const areas = doc.districts!;
    expect(areas.map((d) => [d.level, d.id, d.name?.en])).toEqual([
      ['district', 'E', 'East'],
      ['district', 'W', 'West'],
      ['subdistrict', 'E1', 'Middle'],
    ]);
    const districts = areas.filter((d) => d.level === 'district');
    const sum = (f: (d: Area) => number) => districts.reduce((s, d) => s + f(d), 0);
    expect(sum((d) => d.baseline.population)).toBeCloseTo(doc.summary.baseline.population, 6);
    expect(sum((d) => d.delta!.peopleGaining['5']!)).toBeCloseTo(doc.summary.delta!.peopleGaining['5']!, 6);

    // A boundaries file naming a zone the network does not have: exit 1, the file and the JSON path named.
    writeFileSync(join(dir, 'bad.boundaries.geojson'), boundaries(['z0_0', 'z99']));
    const error = await simulate(...args, '--boundaries', join(dir, 'bad.boundaries.geojson')).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(
      /bad\.boundaries\.geojson: \$\.features\[2\]\.properties\.zones\[1\]: unknown zone "z99"/,
    );
  }, 120_000);

  it('exits 1 on malformed network JSON, naming the line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commuteshed-'));
    const bad = join(dir, 'broken.network.json');
    writeFileSync(bad, '{\n  "format": "commuteshed.network/1",\n  "id": oops\n}');
    const error = await simulate('--network', bad).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/broken\.network\.json: \$: not valid JSON: .*\(line 3, column 9\)/);
  }, 60_000);
});
