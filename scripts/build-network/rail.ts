/**
 * Trunk, intercity and suburban rail: stations from OpenStreetMap (osm_rail_stations.csv, joined by OSM
 * id, names checked), lines from jjj-typed-facts (intercity) and stated assumptions (trunk, suburban).
 * Rail run times are not in the data: each is derived by a stated rule and every rule is in the notes.
 */
import { join } from 'node:path';
import { greatCircleMeters, type LonLat } from '../../src/domain/geo';
import type { LayerId } from '../../src/domain/layer';
import { osmData } from './osm';
import { RAW, readCsv } from './raw';

export interface RailStation {
  id: string;
  name: { zh: string; en?: string };
  coord: LonLat;
  layer: LayerId;
  source: string;
}

export interface RailPattern {
  id: string;
  stops: string[];
  runSeconds: number[];
  dwellSeconds: number[];
  headways: Record<string, number>;
}

export interface RailLine {
  id: string;
  name: { zh: string; en: string };
  layer: LayerId;
  color: string;
  directionNames: [{ zh: string; en: string }, { zh: string; en: string }];
  /** Direction-0 patterns; direction 1 is the same trains reversed. */
  patterns: RailPattern[];
  source: string;
}

/** The rail stations used, by OSM id (osm_rail_stations.csv), with the layer whose processing applies. */
const RAIL_STATIONS: [osmId: string, id: string, layer: LayerId][] = [
  ['n539260172', 'r-beijingnan', 'trunk'],
  ['n7780210950', 'r-beijingxi', 'trunk'],
  ['n269996666', 'r-beijing', 'trunk'],
  ['n8016534536', 'r-beijingbei', 'trunk'],
  ['n7907338281', 'r-beijingdong', 'trunk'],
  ['n1824913462', 'r-beijing-chaoyang', 'trunk'],
  ['n124205138', 'r-beijing-fengtai', 'trunk'],
  ['n6817368517', 'r-daxing-airport', 'trunk'],
  ['n6817368518', 'r-beijingdaxing', 'intercity'],
  ['n7116372190', 'r-qinghe', 'trunk'],
  ['n1419186468', 'r-huangtudian', 'trunk'],
  ['n273088049', 'r-tianjin', 'trunk'],
  ['n4126740846', 'r-tianjinxi', 'trunk'],
  ['n10589687035', 'r-tianjinnan', 'trunk'],
  ['n6819545356', 'r-xiongan', 'trunk'],
  ['n7733885007', 'r-langfang', 'trunk'],
  ['n2753104419', 'r-zhuozhoudong', 'trunk'],
  ['n2753105922', 'r-gaobeidiandong', 'trunk'],
  ['n9507383338', 'r-shunyixi', 'trunk'],
  ['n7114099684', 'r-huairounan', 'trunk'],
  ['n6717674851', 'r-miyun', 'trunk'],
  ['n1366324235', 'r-shahe', 'trunk'],
  ['n2662698203', 'r-changping', 'trunk'],
  ['n6472124842', 'r-badaling-great-wall', 'trunk'],
  ['n4912450673', 'r-yanqing', 'trunk'],
  ['n7783472725', 'r-tangshan', 'trunk'],
  ['n9274358867', 'r-yizhuang', 'intercity'],
  ['n6712308732', 'r-wuqing', 'intercity'],
  ['n9274358865', 'r-junliangchengbei', 'intercity'],
  ['n2349729514', 'r-tanggu', 'intercity'],
  ['n3657675426', 'r-binhai', 'intercity'],
  ['n6819545357', 'r-guandong', 'intercity'],
  ['n6819545358', 'r-bazhoubei', 'intercity'],
  ['n3949357977', 'r-shengfang', 'intercity'],
  ['n9457049792', 'r-anci', 'intercity'],
  ['n9225780497', 'r-yongqingdong', 'intercity'],
  ['n8431451892', 'r-yanjiao', 'intercity'],
  ['n10293210794', 'r-dachang', 'intercity'],
  ['n10296507040', 'r-xianghe', 'intercity'],
  ['n6124512542', 'r-baodi', 'intercity'],
  ['n10604527790', 'r-baodinan', 'intercity'],
  ['n6124510824', 'r-yutiannan', 'intercity'],
  ['n6124511976', 'r-tangshanxi', 'intercity'],
  ['n10296507042', 'r-beichen', 'intercity'],
  ['n7798847270', 'r-nankou', 'suburban'],
  ['n7805044408', 'r-badaling', 'suburban'],
  ['n7805038907', 'r-kangzhuang', 'suburban'],
  ['n3961326598', 'r-shacheng', 'suburban'],
  ['n7805052938', 'r-changpingbei', 'suburban'],
  ['n7805085887', 'r-yanqihu', 'suburban'],
  ['n7805076368', 'r-huairoubei', 'suburban'],
  ['n3956111537', 'r-heishansi', 'suburban'],
  ['n7805039069', 'r-gubeikou', 'suburban'],
  ['n844821225', 'r-tongzhouxi', 'suburban'],
  ['n7798806784', 'r-shunyi', 'suburban'],
  ['n7805088031', 'r-niulanshan', 'suburban'],
  ['n7805118844', 'r-huairou', 'suburban'],
  ['n7805109679', 'r-miyunbei', 'suburban'],
  ['n8313484663', 'r-liangxiang', 'suburban'],
  ['n4883415766', 'r-zhongcang', 'suburban'],
  ['n9875307791', 'r-qiaozhuangdong', 'suburban'],
];

/** Typical services are slower than the fastest advertised (jjj-typed-facts SOURCE.md: 5–20 %). */
export const TYPICAL_FACTOR = 1.15;
/** Rail dwell at an intermediate stop (s). */
export const RAIL_DWELL = 120;
export const SUBURBAN_DWELL = 60;
/** Start-to-stop average on 300–350 km/h trunk lines for hops of 20–80 km (assumption). */
export const TRUNK_HOP_KMH = 180;
const ROUTE_FACTOR = 1.15;

const MIN = 60;

export function railStations(): RailStation[] {
  const { rail } = osmData();
  return RAIL_STATIONS.map(([osmId, id, layer]) => {
    const p = rail.find((r) => r.osmId === osmId);
    if (!p) throw new Error(`OSM rail station ${osmId} (${id}) not in osm_rail_stations.csv`);
    const en = p.nameEn && p.nameEn.length > 0 ? p.nameEn : undefined;
    return {
      id,
      name: en ? { zh: p.name, en } : { zh: p.name },
      coord: [Math.round(p.coord[0] * 1e5) / 1e5, Math.round(p.coord[1] * 1e5) / 1e5],
      layer,
      source: `OSM ${osmId} (osm_rail_stations.csv); © OpenStreetMap contributors`,
    };
  });
}

interface Fact {
  line_zh: string;
  from_station: string;
  to_station: string;
  fastest_min: string;
  stations_in_order: string;
  source: string;
}

function facts(): Fact[] {
  return readCsv(join(RAW.facts, 'jjj_intercity_lines.csv')) as unknown as Fact[];
}

function fastest(line: string, from: string, to: string): { minutes: number; source: string } {
  const f = facts().find((x) => x.line_zh === line && x.from_station === from && x.to_station === to);
  if (!f) throw new Error(`no fact for ${line} ${from}–${to}`);
  return { minutes: Number(f.fastest_min), source: f.source };
}

/** Stops named in the facts' station order must exist; returns the order with station ids. */
function orderFromFacts(
  line: string,
  from: string,
  to: string,
  byZh: Map<string, RailStation>,
  skip: string[] = [],
): string[] {
  const f = facts().find((x) => x.line_zh === line && x.from_station === from && x.to_station === to)!;
  return f.stations_in_order
    .split(';')
    .filter((s) => !s.startsWith('(') && !skip.includes(s))
    .map((s) => {
      const st = byZh.get(s);
      if (!st) throw new Error(`${line}: station ${s} not among the rail stations`);
      return st.id;
    });
}

/**
 * Runs over `stops` that take `totalSeconds` stop to stop, dwells included: the time left after the
 * intermediate dwells is shared out by great-circle hop length.
 */
function spreadRuns(
  stops: string[],
  at: Map<string, RailStation>,
  totalSeconds: number,
  dwell: number,
): { runs: number[]; dwells: number[] } {
  const lengths = stops.slice(1).map((s, k) => greatCircleMeters(at.get(stops[k]!)!.coord, at.get(s)!.coord));
  const sum = lengths.reduce((a, b) => a + b, 0);
  const moving = totalSeconds - dwell * (stops.length - 2);
  return {
    runs: lengths.map((l) => Math.round((moving * l) / sum)),
    dwells: stops.map((_, k) => (k === 0 || k === stops.length - 1 ? 0 : dwell)),
  };
}

/** Runs from positions: great-circle × route factor at a running speed, plus a dwell at each intermediate stop. */
function speedRuns(
  stops: string[],
  at: Map<string, RailStation>,
  kmh: number,
  dwell: number,
): { runs: number[]; dwells: number[] } {
  const runs = stops
    .slice(1)
    .map((s, k) =>
      Math.round((greatCircleMeters(at.get(stops[k]!)!.coord, at.get(s)!.coord) * ROUTE_FACTOR * 3.6) / kmh),
    );
  return { runs, dwells: stops.map((_, k) => (k === 0 || k === stops.length - 1 ? 0 : dwell)) };
}

function pattern(
  id: string,
  stops: string[],
  t: { runs: number[]; dwells: number[] },
  am: number,
  off?: number,
): RailPattern {
  const headways: Record<string, number> = { 'am-peak': am * MIN };
  if (off !== undefined) headways['off-peak'] = off * MIN;
  return { id, stops, runSeconds: t.runs, dwellSeconds: t.dwells, headways };
}

const dirs = (a: string, b: string): [{ zh: string; en: string }, { zh: string; en: string }] => [
  { zh: `往${b}`, en: `to ${b}` },
  { zh: `往${a}`, en: `to ${a}` },
];

export function railLines(stations: RailStation[]): { lines: RailLine[]; notes: string[] } {
  const at = new Map(stations.map((s) => [s.id, s]));
  const byZh = new Map(stations.map((s) => [s.name.zh, s]));
  const notes: string[] = [];
  const lines: RailLine[] = [];
  const id = (zh: string) => byZh.get(zh)!.id;

  // Intercity, from jjj-typed-facts/jjj_intercity_lines.csv: typical time = fastest advertised × 1.15.
  {
    const a = fastest('京雄城际', '北京西', '大兴机场');
    const b = fastest('京雄城际', '大兴机场', '雄安');
    const north = orderFromFacts('京雄城际', '北京西', '大兴机场', byZh);
    const south = orderFromFacts('京雄城际', '大兴机场', '雄安', byZh);
    const n = spreadRuns(north, at, a.minutes * MIN * TYPICAL_FACTOR, RAIL_DWELL);
    const s = spreadRuns(south, at, b.minutes * MIN * TYPICAL_FACTOR, RAIL_DWELL);
    const stops = [...north, ...south.slice(1)];
    const t = {
      runs: [...n.runs, ...s.runs],
      dwells: [...n.dwells.slice(0, -1), RAIL_DWELL, ...s.dwells.slice(1)],
    };
    lines.push({
      id: 'ic-jingxiong',
      name: { zh: '京雄城际', en: "Beijing–Xiong'an intercity" },
      layer: 'intercity',
      color: '#1E6FBA',
      directionNames: dirs('北京西', '雄安'),
      patterns: [pattern('all', stops, t, 30, 60), pattern('airport', north, n, 60, 60)],
      source: `jjj_intercity_lines.csv (${a.source}); typical = fastest × ${TYPICAL_FACTOR}`,
    });
    notes.push(
      `京雄城际: stops ${stops.map((x) => at.get(x)!.name.zh).join('–')}; typical times = fastest advertised × ${TYPICAL_FACTOR} (北京西–大兴机场 ${a.minutes} min, 大兴机场–雄安 ${b.minutes} min, jjj_intercity_lines.csv), spread over hops by distance after ${RAIL_DWELL / 60}-min dwells. Headways (assumption, not in the data): all-stops trains every 30 min in the am-peak, 60 min off-peak, plus one 北京西–大兴机场 train per hour.`,
    );
  }
  {
    const f = fastest('津兴城际', '天津西', '大兴机场');
    const stops = orderFromFacts('津兴城际', '天津西', '大兴机场', byZh);
    lines.push({
      id: 'ic-jinxing',
      name: { zh: '津兴城际', en: 'Tianjin–Daxing Airport intercity' },
      layer: 'intercity',
      color: '#2E8B57',
      directionNames: dirs('天津西', '大兴机场'),
      patterns: [
        pattern('all', stops, spreadRuns(stops, at, f.minutes * MIN * TYPICAL_FACTOR, RAIL_DWELL), 120, 120),
      ],
      source: `jjj_intercity_lines.csv (${f.source})`,
    });
    notes.push(
      `津兴城际: ${f.minutes} min fastest × ${TYPICAL_FACTOR}; headway 120 min (the facts say "up to 18 trains/day"; assumption for both periods).`,
    );
  }
  {
    const f = fastest('京唐城际', '北京', '唐山');
    const stops = [id('北京'), ...orderFromFacts('京唐城际', '北京', '唐山', byZh, ['北京城市副中心'])];
    const g = fastest('京滨城际', '北京', '北辰');
    const stopsB = [id('北京'), ...orderFromFacts('京滨城际', '北京', '北辰', byZh, ['北京城市副中心'])];
    const tang = spreadRuns(stops, at, f.minutes * MIN * TYPICAL_FACTOR, RAIL_DWELL);
    lines.push({
      id: 'ic-jingtang',
      name: { zh: '京唐城际', en: 'Beijing–Tangshan intercity' },
      layer: 'intercity',
      color: '#C0392B',
      directionNames: dirs('北京', '唐山'),
      patterns: [pattern('all', stops, tang, 60, 60)],
      source: `jjj_intercity_lines.csv (${f.source})`,
    });
    // 京滨 shares 京唐's tracks and stops as far as 宝坻: same hop times there, the rest of its typical
    // time spread over 宝坻–宝坻南–北辰.
    const shared = stopsB.findIndex((s, k) => stops[k] !== s);
    const sharedSeconds =
      tang.runs.slice(0, shared - 1).reduce((a, b) => a + b, 0) + RAIL_DWELL * (shared - 1);
    const rest = spreadRuns(
      stopsB.slice(shared - 1),
      at,
      g.minutes * MIN * TYPICAL_FACTOR - sharedSeconds,
      RAIL_DWELL,
    );
    const bin = {
      runs: [...tang.runs.slice(0, shared - 1), ...rest.runs],
      dwells: stopsB.map((_, k) => (k === 0 || k === stopsB.length - 1 ? 0 : RAIL_DWELL)),
    };
    lines.push({
      id: 'ic-jingbin',
      name: { zh: '京滨城际', en: 'Beijing–Binhai intercity' },
      layer: 'intercity',
      color: '#8E44AD',
      directionNames: dirs('北京', '北辰'),
      patterns: [pattern('all', stopsB, bin, 120, 120)],
      source: `jjj_intercity_lines.csv (${g.source})`,
    });
    notes.push(
      `京唐城际 / 京滨城际: trains start at 北京站 (北京城市副中心 station is under construction and not in OSM, per the facts' note); ${f.minutes} / ${g.minutes} min fastest × ${TYPICAL_FACTOR}; headways 60 / 120 min (assumption). 京滨 takes 京唐's hop times as far as 宝坻 (shared tracks and stops) and the rest of its typical time beyond.`,
    );
  }
  {
    const f = fastest('京津城际', '北京南', '天津');
    const nonstop = [id('北京南'), id('天津')];
    const all = orderFromFacts('京津城际', '北京南', '天津', byZh);
    const total = f.minutes * MIN * TYPICAL_FACTOR;
    const wuqing = [id('北京南'), id('武清'), id('天津')];
    const binhai = [id('北京南'), id('天津'), id('军粮城北'), id('塘沽'), id('滨海')];
    const loss = 150;
    lines.push({
      id: 'ic-jingjin',
      name: { zh: '京津城际', en: 'Beijing–Tianjin intercity' },
      layer: 'intercity',
      color: '#D35400',
      directionNames: dirs('北京南', '天津'),
      patterns: [
        pattern('nonstop', nonstop, spreadRuns(nonstop, at, total, RAIL_DWELL), 20, 30),
        pattern('wuqing', wuqing, spreadRuns(wuqing, at, total + RAIL_DWELL + loss, RAIL_DWELL), 30, 60),
        pattern('all', all, spreadRuns(all, at, total + 2 * (RAIL_DWELL + loss), RAIL_DWELL), 60, 60),
        pattern(
          'binhai',
          binhai,
          spreadRuns(binhai, at, 45 * MIN * TYPICAL_FACTOR + RAIL_DWELL * 2, RAIL_DWELL),
          60,
          60,
        ),
      ],
      source: `jjj_intercity_lines.csv (${f.source})`,
    });
    notes.push(
      `京津城际: nonstop 北京南–天津 = ${f.minutes} min ("half an hour") × ${TYPICAL_FACTOR}; each extra stop adds a ${RAIL_DWELL / 60}-min dwell and ${loss / 60} min of braking/acceleration; the 滨海 (于家堡) trains take the planned 45 min × ${TYPICAL_FACTOR} (+ dwells). Headways (assumption): nonstop 20 min, 武清 30 min, all-stops (亦庄, 武清) 60 min, 滨海 60 min in the am-peak. The facts ask to verify stops against 12306; not done here.`,
    );
  }

  // Trunk lines (not in the facts): run times from distance at a stated start-to-stop average.
  const trunk = (
    lineId: string,
    zh: string,
    en: string,
    color: string,
    patterns: [string, string[], number, number?][],
    note: string,
  ) => {
    lines.push({
      id: lineId,
      name: { zh, en },
      layer: 'trunk',
      color,
      directionNames: dirs(patterns[0]![1][0]!, patterns[0]![1].at(-1)!),
      patterns: patterns.map(([pid, zhStops, am, off]) => {
        const stops = zhStops.map(id);
        return pattern(pid, stops, speedRuns(stops, at, TRUNK_HOP_KMH, RAIL_DWELL), am, off);
      }),
      source: `assumption: great-circle × ${ROUTE_FACTOR} at ${TRUNK_HOP_KMH} km/h start to stop, ${RAIL_DWELL / 60}-min dwells`,
    });
    notes.push(note);
  };
  trunk(
    'tr-jinghu',
    '京沪高铁',
    'Beijing–Shanghai HSR',
    '#34495E',
    [['langfang', ['北京南', '廊坊', '天津南'], 30, 60]],
    '京沪高铁 (trunk): trains calling at 廊坊 and 天津南 every 30 min in the am-peak (assumption).',
  );
  trunk(
    'tr-jingguang',
    '京广高铁',
    'Beijing–Guangzhou HSR',
    '#7F8C8D',
    [
      ['beijingxi', ['北京西', '涿州东', '高碑店东'], 60, 60],
      ['fengtai', ['北京丰台', '涿州东', '高碑店东'], 60, 120],
    ],
    '京广高铁 (trunk): trains from 北京西 and from 北京丰台 calling at 涿州东 (Zhuozhou) each hourly in the am-peak (assumption).',
  );
  trunk(
    'tr-jingha',
    '京哈高铁',
    'Beijing–Harbin HSR',
    '#16A085',
    [['chengde', ['北京朝阳', '顺义西', '怀柔南', '密云'], 60, 60]],
    '京哈高铁 (trunk): 北京朝阳–顺义西–怀柔南–密云 hourly (assumption).',
  );
  trunk(
    'tr-jingzhang',
    '京张高铁',
    'Beijing–Zhangjiakou HSR',
    '#2C3E50',
    [['yanqing', ['北京北', '清河', '沙河', '昌平', '八达岭长城', '延庆'], 60, 60]],
    '京张高铁 延庆 trains (trunk): 北京北–清河–沙河–昌平–八达岭长城–延庆 hourly (assumption).',
  );

  // Suburban railway (市郊铁路): station order from suburban_lines_stations.csv, run times from distance.
  const sub = readCsv(join(RAW.osm, 'derived', 'suburban_lines_stations.csv'));
  const branch = (lineZh: string, b: string) =>
    sub
      .filter((r) => r.line_zh === lineZh && r.branch === b)
      .sort((x, y) => Number(x.seq) - Number(y.seq))
      .map((r) => {
        const st = stations.find((s) => s.source.startsWith(`OSM ${r.osm_id} `));
        if (!st)
          throw new Error(`suburban station ${r.station_zh} (${r.osm_id}) not among the rail stations`);
        return st.id;
      });
  const suburban = (
    lineId: string,
    zh: string,
    en: string,
    color: string,
    kmh: number,
    patterns: [string, string[], number, number?][],
    note: string,
  ) => {
    lines.push({
      id: lineId,
      name: { zh, en },
      layer: 'suburban',
      color,
      directionNames: dirs(at.get(patterns[0]![1][0]!)!.name.zh, at.get(patterns[0]![1].at(-1)!)!.name.zh),
      patterns: patterns.map(([pid, stops, am, off]) =>
        pattern(pid, stops, speedRuns(stops, at, kmh, SUBURBAN_DWELL), am, off),
      ),
      source: `suburban_lines_stations.csv (OSM); run times: great-circle × ${ROUTE_FACTOR} at ${kmh} km/h + ${SUBURBAN_DWELL}-s dwells (assumption)`,
    });
    notes.push(note);
  };
  suburban(
    'sub-s2',
    '市郊铁路S2线',
    'Suburban line S2',
    '#A0522D',
    55,
    [
      ['yanqing', ['r-huangtudian', ...branch('S2线', '1')], 60, 120],
      ['shacheng', ['r-huangtudian', ...branch('S2线', '0')], 120, 240],
    ],
    'S2 (suburban): from 黄土店 (next to metro 霍营) via 南口 and 八达岭 to 延庆 (every 60 min am-peak) and to 康庄/沙城 (120 min); 55 km/h running speed through the Guangou mountain grades (assumption).',
  );
  suburban(
    'sub-fuzhongxin',
    '市郊铁路城市副中心线',
    'Suburban line Sub-center',
    '#D4A017',
    60,
    [['all', branch('城市副中心线', '0'), 30, 60]],
    '城市副中心线 (suburban): 良乡–北京西–北京–北京东–中仓–乔庄东 every 30 min in the am-peak, 60 min off-peak; 60 km/h (assumption). It calls at the trunk stations 北京西, 北京 and 北京东 and so boards through their security.',
  );
  suburban(
    'sub-huaimi',
    '市郊铁路怀柔-密云线',
    'Suburban line Huairou–Miyun',
    '#5D6D7E',
    70,
    [['all', branch('怀柔-密云线', '0'), 60, 120]],
    '怀柔-密云线 (suburban): 北京北–清河–昌平北–雁栖湖–怀柔北–黑山寺–古北口 hourly in the am-peak (assumption); 70 km/h.',
  );
  suburban(
    'sub-tongmi',
    '市郊铁路通密线',
    'Suburban line Tongzhou–Miyun',
    '#117A65',
    70,
    [
      ['huairoubei', branch('通密线', '0'), 120, 240],
      ['miyunbei', branch('通密线', '1'), 120, 240],
    ],
    '通密线 (suburban): 通州西–顺义–牛栏山–怀柔 then 雁栖湖–怀柔北 or 密云北, each branch every 120 min (assumption: the line runs a few trains a day); 70 km/h.',
  );
  return { lines, notes };
}
