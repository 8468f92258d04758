/**
 * Population units and their 2020 census totals (cn-county-census2020-leiii, 7th census county tables):
 * the 16 Beijing districts, placed by the subdistrict boundaries, and the commuter towns around Beijing,
 * for which the data has no boundaries and which are placed around OSM anchor points (see zones.ts).
 */
import { join } from 'node:path';
import type { LonLat } from '../../src/domain/geo';
import { osmData } from './osm';
import { RAW, readCsv, readJson } from './raw';

export interface CensusRow {
  code: string;
  total: number;
  urban: number;
  rural: number;
  /** Long-form sample: employed residents (industry total), only as a share of the sample. */
  employedSample: number;
  /** Long-form sample base: residents aged 15+? no — the industry total over the sampled population. */
}

export interface Unit {
  /** District code (Beijing) or a joined code for a unit of several counties, e.g. "120101+…+120106". */
  code: string;
  name: { zh: string; en: string };
  codes: string[];
  total: number;
  urban: number;
  rural: number;
  /** Employed residents estimated from the census long-form industry share. */
  employed: number;
  beijing: boolean;
  /** Outside Beijing: anchor points (OSM) and the share of the unit's population around each. */
  anchors?: { osmId: string; name: string; coord: LonLat; share: number }[];
  /** Outside Beijing: urban density assumed to size the built-up disc (people per km²). */
  urbanDensity?: number;
}

export function censusRows(): Map<string, CensusRow & { name: string; sampleBase: number }> {
  const rows = readCsv(join(RAW.census, 'jjj_county_census2020.csv'));
  const out = new Map<string, CensusRow & { name: string; sampleBase: number }>();
  for (const r of rows) {
    const num = (k: string) => {
      const v = Number(r[k]);
      return Number.isFinite(v) ? v : 0;
    };
    out.set(r.区划代码!, {
      code: r.区划代码!,
      name: r.区县 || r.市 || r.省 || '',
      total: num('人口数_合计'),
      urban: num('城镇人口'),
      rural: num('乡村人口'),
      employedSample: num('各种行业人口总计'),
      sampleBase: 0,
    });
  }
  return out;
}

const BEIJING_NAMES: Record<string, [string, string]> = {
  '110101': ['东城区', 'Dongcheng'],
  '110102': ['西城区', 'Xicheng'],
  '110105': ['朝阳区', 'Chaoyang'],
  '110106': ['丰台区', 'Fengtai'],
  '110107': ['石景山区', 'Shijingshan'],
  '110108': ['海淀区', 'Haidian'],
  '110109': ['门头沟区', 'Mentougou'],
  '110111': ['房山区', 'Fangshan'],
  '110112': ['通州区', 'Tongzhou'],
  '110113': ['顺义区', 'Shunyi'],
  '110114': ['昌平区', 'Changping'],
  '110115': ['大兴区', 'Daxing'],
  '110116': ['怀柔区', 'Huairou'],
  '110117': ['平谷区', 'Pinggu'],
  '110118': ['密云区', 'Miyun'],
  '110119': ['延庆区', 'Yanqing'],
};

/**
 * The commuter towns the issue names, as census units, each with OSM anchors (a rail or bus station in
 * the town) and the assumed urban density that sizes its built-up disc. Anchor shares split a unit that
 * has two towns (三河: 燕郊 and 三河 city); they are assumptions, stated in networks/README.md.
 */
const OUTSIDE: { codes: string[]; zh: string; en: string; density: number; anchors: [string, number][] }[] = [
  {
    codes: ['131082'],
    zh: '三河市(燕郊)',
    en: 'Sanhe (Yanjiao)',
    density: 10000,
    anchors: [
      ['n8431451892', 0.6],
      ['n1582348727', 0.4],
    ],
  },
  { codes: ['131028'], zh: '大厂回族自治县', en: 'Dachang', density: 10000, anchors: [['n10293210794', 1]] },
  { codes: ['131024'], zh: '香河县', en: 'Xianghe', density: 10000, anchors: [['n10296507040', 1]] },
  {
    codes: ['131002', '131003', '131071'],
    zh: '廊坊市区(安次、广阳、开发区)',
    en: 'Langfang city',
    density: 10000,
    anchors: [['n7733885007', 1]],
  },
  { codes: ['131022'], zh: '固安县', en: "Gu'an", density: 10000, anchors: [['n2351141702', 1]] },
  { codes: ['130681'], zh: '涿州市', en: 'Zhuozhou', density: 10000, anchors: [['n2329466304', 1]] },
  {
    codes: ['130629', '130632', '130638'],
    zh: '雄安新区(容城、安新、雄县)',
    en: "Xiong'an (Rongcheng, Anxin, Xiongxian)",
    density: 10000,
    anchors: [
      ['n6819545356', 1 / 3],
      ['n11297643243', 1 / 3],
      ['n5739609945', 1 / 3],
    ],
  },
  {
    codes: ['120114'],
    zh: '天津市武清区',
    en: 'Wuqing (Tianjin)',
    density: 10000,
    anchors: [
      ['n1582348731', 0.5],
      ['n6712308732', 0.5],
    ],
  },
  {
    codes: ['120101', '120102', '120103', '120104', '120105', '120106'],
    zh: '天津市中心城区(六区)',
    en: 'Central Tianjin (six districts)',
    density: 20000,
    anchors: [['n273088049', 1]],
  },
];

interface StationObject {
  tags: Record<string, string>;
  lon?: number;
  lat?: number;
}

export function populationUnits(): Unit[] {
  const census = censusRows();
  const bj = census.get('110000')!;
  // Employed share from the long form: industry total over the population the long form sampled; the
  // sheet has no sample base, so the city-wide ratio (industry total ÷ resident total) scaled to the
  // ratio of employed residents the same long form implies is not available. We take the long form's
  // industry total as a share of each unit's long-form total relative to Beijing's, and Beijing's own
  // employed-resident rate as a stated assumption (see jobs.ts).
  const units: Unit[] = Object.entries(BEIJING_NAMES).map(([code, [zh, en]]) => {
    const r = census.get(code)!;
    return {
      code,
      name: { zh, en },
      codes: [code],
      total: r.total,
      urban: r.urban,
      rural: r.rural,
      employed: r.employedSample,
      beijing: true,
    };
  });
  if (units.reduce((s, u) => s + u.total, 0) !== bj.total)
    throw new Error('Beijing districts do not add up to 110000');
  const objects = readJson<Record<string, StationObject>>(join(RAW.osm, 'data', 'osm', 'station.json'));
  const { rail } = osmData();
  for (const o of OUTSIDE) {
    const rows = o.codes.map((c) => {
      const r = census.get(c);
      if (!r) throw new Error(`census row ${c} missing`);
      return r;
    });
    const anchors = o.anchors.map(([osmId, share]) => {
      const obj = objects[osmId];
      const p = rail.find((x) => x.osmId === osmId);
      const coord: LonLat | undefined =
        obj?.lon !== undefined && obj.lat !== undefined ? [obj.lon, obj.lat] : p?.coord;
      if (!coord) throw new Error(`anchor ${osmId} has no position`);
      return { osmId, name: obj?.tags.name ?? p?.name ?? osmId, coord, share };
    });
    units.push({
      code: o.codes.join('+'),
      name: { zh: o.zh, en: o.en },
      codes: o.codes,
      total: rows.reduce((s, r) => s + r.total, 0),
      urban: rows.reduce((s, r) => s + r.urban, 0),
      rural: rows.reduce((s, r) => s + r.rural, 0),
      employed: rows.reduce((s, r) => s + r.employedSample, 0),
      beijing: false,
      anchors,
      urbanDensity: o.density,
    });
  }
  return units;
}
