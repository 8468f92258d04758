import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { englishAlias, lineId, timetableEndToEnd } from '../../scripts/build-network/metro';
import { romanized } from '../../scripts/build-network/pinyin';
import { lineFiles } from '../../scripts/build-network/timetable';
import { englishName } from '../../scripts/build-network/zones';
import { greatCircleMeters, isLonLat, type LonLat } from '../../src/domain/geo';
import { patternRideSeconds } from '../../src/domain/line';
import { coreZoneIds } from '../../src/domain/network';
import { loadBoundaries } from '../../src/io/boundaries';
import { unwrap } from '../../src/io/result';
import { BOUNDARIES_FILE, loadJjj, NETWORK_FILE, RAW, ZONES_FILE } from './support';

const network = loadJjj();

function csv(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, k) => [cols[k], v])));
}

describe('networks/jjj.network.json', () => {
  it('validates with its zones file and names its sources', () => {
    expect(network.id).toBe('jjj');
    expect(network.attribution.map((a) => a.text).join(' ')).toContain('© OpenStreetMap contributors');
    expect(network.zoneAttributes?.jobs.estimate).toBe(true);
    expect(network.zoneAttributes?.population.estimate).toBe(true);
  });

  it('has the four layers, with counts the build prints', () => {
    const byLayer = (layer: string) => network.lines.filter((l) => l.layer === layer).length;
    const counts = {
      stations: network.stations.length,
      metroLines: byLayer('metro'),
      suburbanLines: byLayer('suburban'),
      intercityLines: byLayer('intercity'),
      trunkLines: byLayer('trunk'),
      zones: network.zones.length,
      hubs: network.hubs.length,
    };
    console.log('jjj counts', counts);
    expect(counts.metroLines).toBe(lineFiles().length);
    expect(counts.suburbanLines).toBe(4);
    expect(counts.intercityLines).toBe(5);
    expect(counts.trunkLines).toBeGreaterThanOrEqual(3);
    expect(counts.zones).toBeGreaterThanOrEqual(3000);
    expect(counts.zones).toBeLessThanOrEqual(8000);
  });

  it('gives every station WGS84 coordinates in the region', () => {
    for (const s of network.stations) {
      expect(isLonLat(s.coord), s.id).toBe(true);
      expect(s.coord[0], s.id).toBeGreaterThan(115);
      expect(s.coord[0], s.id).toBeLessThan(119);
      expect(s.coord[1], s.id).toBeGreaterThan(38.5);
      expect(s.coord[1], s.id).toBeLessThan(41.5);
      expect(s.source, s.id).toBeTruthy();
    }
  });

  it('puts every metro station within 300 m of its OpenStreetMap position', () => {
    const stops = csv(join(RAW, 'bj-subway-gtfs-boyinthesun', 'gtfs', 'stops.txt'));
    const objects = JSON.parse(
      readFileSync(join(RAW, 'bj-subway-gtfs-boyinthesun', 'data', 'osm', 'station.json'), 'utf8'),
    ) as Record<string, { lon?: number; lat?: number }>;
    const position = (id: string): LonLat | undefined => {
      const row = stops.find((r) => r.stop_id === id);
      if (row) return [Number(row.stop_lon), Number(row.stop_lat)];
      const o = objects[id];
      return o?.lon !== undefined && o.lat !== undefined ? [o.lon, o.lat] : undefined;
    };
    const interpolated: string[] = [];
    for (const s of network.stations.filter((x) => x.layer === 'metro')) {
      const ids = [...(s.source ?? '').matchAll(/\b([nrw]\d+)\b/g)].map((m) => m[1]!);
      if (ids.length === 0) {
        interpolated.push(s.name.zh!);
        continue;
      }
      for (const id of ids) {
        const p = position(id);
        expect(p, `${s.id}: OSM ${id}`).toBeDefined();
        expect(greatCircleMeters(s.coord, p!), `${s.id} vs OSM ${id}`).toBeLessThanOrEqual(300);
      }
    }
    // The two stations with no OSM position in the data, placed between their neighbours (README).
    expect(interpolated.sort()).toEqual(['亦创会展中心', '通运门'].sort());
  });

  it('reproduces the timetables end to end within 3 %, both directions', () => {
    let checked = 0;
    for (const file of lineFiles()) {
      const line = network.lines.find((l) => l.id === lineId(file))!;
      for (const dir of [0, 1] as const) {
        const p = line.patterns.find((x) => x.direction === dir && x.id === 'full');
        if (!p) continue; // loops (2, 10)
        const first = network.stations.find((s) => s.id === p.stops[0])!;
        const last = network.stations.find((s) => s.id === p.stops.at(-1))!;
        // Station names are the timetable's names ("木樨地(1号线)" keeps its suffix).
        const tt = timetableEndToEnd(file, dir, first.name.zh!, last.name.zh!);
        if (tt.trains === 0) continue;
        const model = patternRideSeconds(p, 0, p.stops.length - 1);
        expect(
          Math.abs(model / tt.seconds - 1),
          `${line.id} dir ${dir}: model ${model} s, timetable ${tt.seconds} s`,
        ).toBeLessThan(0.03);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('sums population to the 2020 census for every district and county', () => {
    const census = new Map(
      csv(join(RAW, 'cn-county-census2020-leiii', 'jjj_county_census2020.csv')).map((r) => [
        r.区划代码!,
        Number(r.人口数_合计),
      ]),
    );
    const byDistrict = new Map<string, number>();
    for (const z of network.zones)
      byDistrict.set(z.district!, (byDistrict.get(z.district!) ?? 0) + z.population);
    for (const [district, sum] of byDistrict) {
      const expected = district.split('+').reduce((s, c) => s + census.get(c)!, 0);
      expect(sum, district).toBe(expected);
    }
    const beijing = [...byDistrict].filter(([d]) => d.startsWith('11')).reduce((s, [, v]) => s + v, 0);
    expect(beijing).toBe(21893095);
    expect([...byDistrict.keys()].filter((d) => d.startsWith('11'))).toHaveLength(16);
    for (const z of network.zones) {
      expect(Number.isInteger(z.population) && Number.isInteger(z.jobs), z.id).toBe(true);
      expect(z.population + z.jobs, z.id).toBeGreaterThan(0);
    }
  });

  it('gives every zone its employed residents: each district’s census long-form industry total × 10', () => {
    // The long form sampled about one household in ten (build assumption LONG_FORM_RATE), so a district's
    // employed residents are its 各种行业人口总计 × 10, spread over its zones by population.
    const census = new Map(
      csv(join(RAW, 'cn-county-census2020-leiii', 'jjj_county_census2020.csv')).map((r) => [
        r.区划代码!,
        Number(r.各种行业人口总计),
      ]),
    );
    const byDistrict = new Map<string, number>();
    for (const z of network.zones) {
      expect(Number.isInteger(z.workers) && z.workers! <= z.population, z.id).toBe(true);
      byDistrict.set(z.district!, (byDistrict.get(z.district!) ?? 0) + z.workers!);
    }
    for (const [district, sum] of byDistrict)
      expect(sum, district).toBe(
        Math.round(district.split('+').reduce((s, c) => s + census.get(c)! * 10, 0)),
      );
    const beijing = [...byDistrict].filter(([d]) => d.startsWith('11')).reduce((s, [, v]) => s + v, 0);
    expect(beijing).toBe(10150070);
    expect(network.zoneAttributes?.workers?.estimate).toBe(true);
    expect(network.assumptions?.demand?.calibration).toMatchObject({ region: 'beijing', targetMinutes: 47 });
  });

  it('names each Beijing zone after its district and subdistrict, in Chinese and in English', () => {
    const beijing = network.zones.filter((z) => z.district?.startsWith('11'));
    expect(beijing.length).toBeGreaterThan(3000);
    for (const z of beijing) {
      expect(z.name?.zh, z.id).toMatch(/^\S+区 \S+(街道|镇|乡)$/);
      expect(z.name?.en, z.id).toMatch(/^[A-Z][a-z]+ (Subdistrict|Town|Township), [A-Z][a-z]+$/);
    }
    const tiananmen = network.zones.find((z) => z.id === 'f-1_1-110101');
    expect(tiananmen?.name).toEqual({ zh: '东城区 东华门街道', en: 'Donghuamen Subdistrict, Dongcheng' });
  });

  it('names core zones around 天安门, 国贸, 金融街 and 中关村', () => {
    expect(network.core.map((c) => c.id)).toEqual([
      'tiananmen',
      'guomao-cbd',
      'financial-street',
      'zhongguancun',
    ]);
    expect(coreZoneIds(network).length).toBeGreaterThanOrEqual(4);
  });
});

describe('networks/jjj.boundaries.geojson', () => {
  const boundaries = unwrap(
    loadBoundaries('jjj.boundaries.geojson', readFileSync(BOUNDARIES_FILE, 'utf8'), network),
  );

  it('validates against the network and names every district its zones carry, in Chinese and English', () => {
    const codes = new Set(network.zones.map((z) => z.district));
    expect(new Set(boundaries.districts.map((d) => d.code))).toEqual(codes);
    for (const d of boundaries.districts) expect(d.name.zh && d.name.en, d.code).toBeTruthy();
    expect(boundaries.districts.filter((d) => d.geometry !== null)).toHaveLength(16);
    expect(boundaries.subdistricts).toHaveLength(343);
    expect(statSync(BOUNDARIES_FILE).size).toBeLessThan(1_000_000);
  });

  it('puts every Beijing zone in the subdistrict it is named after, and no other zone in any', () => {
    const named = new Map(boundaries.subdistricts.flatMap((s) => (s.zones ?? []).map((z) => [z, s])));
    for (const zone of network.zones) {
      const s = named.get(zone.id);
      if (!zone.district!.startsWith('11')) {
        expect(s, zone.id).toBeUndefined();
        continue;
      }
      expect(s, zone.id).toBeDefined();
      expect(zone.name!.zh, zone.id).toBe(
        `${boundaries.districts.find((d) => d.code === zone.district)!.name.zh} ${s!.name.zh}`,
      );
      expect(s!.district).toBe(zone.district);
    }
  });

  it('keeps the outlines where the source has them (simplified by at most the tolerance)', () => {
    // 天安门东 (OSM) lies in 东华门街道 (source SOURCE.md): still inside it after simplification.
    const donghuamen = boundaries.subdistricts.find((s) => s.name.zh === '东华门街道')!;
    expect(booleanPointInPolygon([116.39492, 39.90633], donghuamen.geometry!)).toBe(true);
    const vertices = boundaries.subdistricts.reduce(
      (n, s) => n + (s.geometry ? JSON.stringify(s.geometry.coordinates).split('],[').length : 0),
      0,
    );
    expect(vertices).toBeLessThan(132_439 / 3);
  });
});

describe('scripts/build-network', () => {
  it('romanises a subdistrict from its pinyin and kind, and refuses a pinyin that does not fit', () => {
    expect(englishName('东华门街道', 'donghuamenjiedao')).toBe('Donghuamen Subdistrict');
    expect(englishName('王佐镇', 'wangzuozhen')).toBe('Wangzuo Town');
    expect(englishName('南窖乡', 'nanjiaoxiang')).toBe('Nanjiao Township');
    expect(() => englishName('南窖乡', 'nanjiaozhen')).toThrow(/does not end with its kind/);
  });

  it('names a station in English as its Chinese name does: the alias with the same number', () => {
    // The Capital Airport Express's 2号航站楼 lists "PEK T1" first (it serves both terminals).
    const t2 = [
      'PEK T1',
      'PEK T2',
      'Beijing Capital Airport Terminal 1',
      'Beijing Capital Airport Terminal 2',
    ];
    expect(englishAlias('2号航站楼', t2)).toBe('PEK T2');
    expect(englishAlias('3号航站楼', ['PEK T3', 'Beijing Capital Airport Terminal 3'])).toBe('PEK T3');
    // Without a number, or with none matching, the first alias; without aliases, none.
    expect(englishAlias('国贸', ['Guomao', 'China World Trade Center'])).toBe('Guomao');
    expect(englishAlias('4号门', ['North Gate'])).toBe('North Gate');
    expect(englishAlias('西单', [])).toBeUndefined();
  });

  it('writes a station without an English name in pinyin, one word, as Beijing’s station names are', () => {
    expect(romanized('十八里店')).toBe('Shibalidian');
    // An apostrophe where a syllable starting with a vowel could join the one before.
    expect(romanized('上岸')).toBe("Shang'an");
    expect(romanized('西安门')).toBe("Xi'anmen");
    // A character read as its word reads it: 长 in 长阳 is chang, not zhang.
    expect(romanized('长阳')).toBe('Changyang');
  });

  it('gives every JJJ station an English name', () => {
    const cjk = /[\u4e00-\u9fff]/;
    expect(network.stations.filter((s) => !s.name.en || cjk.test(s.name.en)).map((s) => s.name.zh)).toEqual(
      [],
    );
  });

  it('writes exactly the committed files (regenerate with npm run build:network)', async () => {
    const { build } = await import('../../scripts/build-network/index');
    const { network: built, zonesGeojson, boundaries } = build();
    const { zones: _zones, ...file } = built;
    expect(`${JSON.stringify(file, null, 1)}\n`).toBe(readFileSync(NETWORK_FILE, 'utf8'));
    expect(`${JSON.stringify(zonesGeojson)}\n`).toBe(readFileSync(ZONES_FILE, 'utf8'));
    expect(`${JSON.stringify(boundaries)}\n`).toBe(readFileSync(BOUNDARIES_FILE, 'utf8'));
  }, 120_000);
});
