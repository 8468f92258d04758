/**
 * `npm run build:network`: builds networks/jjj.network.json, networks/jjj.zones.geojson and
 * networks/jjj.boundaries.geojson from the raw data in ../shared/data/raw (never copied into the project).
 * Same input → byte-identical output.
 */
import { join } from 'node:path';
import type { LonLat } from '../../src/domain/geo';
import { greatCircleMeters } from '../../src/domain/geo';
import type { LayerId } from '../../src/domain/layer';
import type { Line, ServicePattern } from '../../src/domain/line';
import { NETWORK_FORMAT, type Network } from '../../src/domain/network';
import type { Station } from '../../src/domain/station';
import type { TransferRule } from '../../src/domain/transfer';
import { BOUNDARIES_PATH, buildBoundaries } from './boundaries';
import { buildHubs } from './hubs';
import { CLUSTER_SHARE, CLUSTERS, LONG_FORM_RATE, placeJobs } from './jobs';
import { buildMetro } from './metro';
import { PERIODS } from './periods';
import { populationUnits } from './population';
import { railLines, railStations } from './rail';
import { REPO_ROOT } from './raw';
import { resolveMetroStations } from './stations';
import { roundToTotal, writeJson } from './write';
import { buildZones, districtShapes, placePopulation, subdistricts } from './zones';

export const NETWORK_PATH = join(REPO_ROOT, 'networks', 'jjj.network.json');
export const ZONES_PATH = join(REPO_ROOT, 'networks', 'jjj.zones.geojson');
export const CORE_RADIUS_M = 1000;

function mean(points: LonLat[]): LonLat {
  return [
    points.reduce((s, p) => s + p[0], 0) / points.length,
    points.reduce((s, p) => s + p[1], 0) / points.length,
  ];
}

export function build(): { network: Network; zonesGeojson: unknown; boundaries: unknown; report: string[] } {
  const report: string[] = [];
  const notes: string[] = [];
  const metro = buildMetro();
  const resolved = resolveMetroStations(metro.lines);
  if (resolved.spacing.length > 0)
    throw new Error(
      `station positions disagree with the timetable distances:\n${resolved.spacing.join('\n')}`,
    );
  const idOf = new Map(resolved.stations.map((s) => [s.key, s.id]));
  const sid = (name: string) => {
    const id = idOf.get(name);
    if (!id) throw new Error(`no station ${name}`);
    return id;
  };
  const short = (id: string) => id.replace(/^m-/, '');

  const stations: Station[] = resolved.stations.map((s) => ({
    id: s.id,
    name: s.name,
    coord: s.coord,
    layer: 'metro',
    source: s.source,
  }));
  const lines: Line[] = metro.lines.map((l) => ({
    id: l.id,
    name: l.name,
    layer: 'metro' as LayerId,
    color: l.color,
    directionNames: l.directionNames,
    patterns: l.patterns.map((p): ServicePattern => {
      const [kind, a, b] = p.id.split(':');
      const pattern: ServicePattern = {
        id: a && b ? `${kind}-${short(sid(a))}-${short(sid(b))}` : p.id,
        direction: p.direction,
        stops: p.stops.map(sid),
        runSeconds: p.runSeconds,
        dwellSeconds: p.dwellSeconds,
        headways: p.headways,
      };
      if (p.loop) pattern.loop = true;
      if (p.servedAs) pattern.servedAs = p.servedAs;
      return pattern;
    }),
    source: `bj-metro-timetables-mick235711 ${l.file} (weekday timetable): stop order, run times by following trains, headways by counting trains`,
  }));

  const rs = railStations();
  const rail = railLines(rs);
  for (const l of rail.lines) {
    lines.push({
      id: l.id,
      name: l.name,
      layer: l.layer,
      color: l.color,
      directionNames: l.directionNames,
      patterns: l.patterns.flatMap((p): ServicePattern[] => [
        {
          id: p.id,
          direction: 0,
          stops: p.stops,
          runSeconds: p.runSeconds,
          dwellSeconds: p.dwellSeconds,
          headways: p.headways,
        },
        {
          id: p.id,
          direction: 1,
          stops: [...p.stops].reverse(),
          runSeconds: [...p.runSeconds].reverse(),
          dwellSeconds: [...p.dwellSeconds].reverse(),
          headways: p.headways,
        },
      ]),
      source: l.source,
    });
  }
  const servedRail = new Set(rail.lines.flatMap((l) => l.patterns.flatMap((p) => p.stops)));
  for (const s of rs) {
    if (!servedRail.has(s.id)) throw new Error(`rail station ${s.id} is served by no line`);
    stations.push({ id: s.id, name: s.name, coord: s.coord, layer: s.layer, source: s.source });
  }

  const transfers: TransferRule[] = metro.transfers.map((t) => {
    const rule: TransferRule = {
      at: { station: sid(t.station) },
      from:
        t.fromDirection !== undefined
          ? { line: t.fromLine, direction: t.fromDirection }
          : { line: t.fromLine },
      to: t.toDirection !== undefined ? { line: t.toLine, direction: t.toDirection } : { line: t.toLine },
      walkSeconds: t.walkSeconds,
    };
    return rule;
  });
  const metroByKey = resolved.stations;
  const hubs = buildHubs(rs, metroByKey, metro.virtualTransfers, servedRail);
  transfers.push(...hubs.transfers);

  // Zones, population, jobs.
  const units = populationUnits();
  const subs = subdistricts();
  const field = placePopulation(
    units,
    subs,
    stations.map((s) => s.coord),
  );
  const clusterCentres = new Map(
    CLUSTERS.map((c) => [
      c.id,
      mean(c.stations.map((n) => resolved.stations.find((s) => s.key === n)!.coord)),
    ]),
  );
  const jobs = placeJobs(field, units, clusterCentres);
  const raw = buildZones(field, units, subs, districtShapes(subs));
  const kept = raw.filter((z) => z.population >= 1 || z.jobs >= 1);
  for (const u of units) {
    const zs = kept.filter((z) => z.district === u.code);
    const popSum = zs.reduce((s, z) => s + z.population, 0);
    const jobSum = zs.reduce((s, z) => s + z.jobs, 0);
    const jobTotal = Math.round(jobs.totals.get(u.code)!);
    const pops = roundToTotal(
      zs.map((z) => (z.population * u.total) / popSum),
      u.total,
    );
    const js = roundToTotal(
      zs.map((z) => (z.jobs * jobTotal) / jobSum),
      jobTotal,
    );
    // Employed residents live where residents do: the unit's, spread by the zones' population.
    const workerTotal = Math.round(u.employed * LONG_FORM_RATE);
    const ws = roundToTotal(
      zs.map((z) => (z.population * workerTotal) / popSum),
      workerTotal,
    );
    zs.forEach((z, k) => {
      z.population = pops[k]!;
      z.jobs = js[k]!;
      z.workers = ws[k]!;
    });
  }
  const zones = kept;

  // Core areas of the commute circle.
  const at = (name: string) => resolved.stations.find((s) => s.key === name)!.coord;
  const corePoints: { id: string; name: { zh: string; en: string }; point: LonLat }[] = [
    {
      id: 'tiananmen',
      name: { zh: '天安门', en: 'Tiananmen' },
      point: mean([at('天安门西'), at('天安门东')]),
    },
    { id: 'guomao-cbd', name: { zh: '国贸/CBD', en: 'Guomao / CBD' }, point: at('国贸') },
    {
      id: 'financial-street',
      name: { zh: '金融街', en: 'Financial Street' },
      point: clusterCentres.get('financial-street')!,
    },
    { id: 'zhongguancun', name: { zh: '中关村', en: 'Zhongguancun' }, point: at('中关村') },
  ];
  const core = corePoints.map((c) => {
    const near = zones
      .map((z) => ({ z, d: greatCircleMeters(z.centroid, c.point) }))
      .sort((a, b) => a.d - b.d || (a.z.id < b.z.id ? -1 : 1));
    const list = near.filter((x, k) => k === 0 || x.d <= CORE_RADIUS_M).map((x) => x.z.id);
    return { id: c.id, name: c.name, zones: list };
  });

  const bjTotal = zones.filter((z) => z.district.startsWith('11')).reduce((s, z) => s + z.population, 0);
  notes.push(
    'Periods: am-peak 07:00–09:00 and off-peak 10:00–16:00 (weekday). Headway = period length ÷ trains of the pattern counted at its middle stop.',
    `Metro (29 lines, bj-metro-timetables-mick235711, weekday date group): stop order from the line files; run time of each hop = mean over the trains leaving in the am-peak of the departure difference between consecutive stations, trains followed through the timetables (the i-th train of a route at one station is the i-th at the next). Dwell convention: 30 s at every intermediate stop (none at the ends) and run = departure difference − 30 s, so first stop to last equals the timetable exactly and a ride between two stops equals the timetable's departure difference less the 30 s the train stands at the rider's stop (arrival = departure − dwell); trains passing a stop save the dwell and the stop loss. Loop lines 2 and 10: the last-to-first hop is the file's loop_last_segment. Short turns and depot runs are kept as their own pattern where they carry at least ${Math.round(metro.keepShare * 100)} % of the am-peak trains at their middle stop; express runs (Line 6) whenever two or more run in the period; other runs join the shortest kept pattern that calls at all their stops.`,
    'Metro through trains (metadata.json5 through_trains: 房山线 → 9号线 "房-9跨线车", weekdays) are a 房山线 pattern served as 9号线 from 郭公庄.',
    'Metro transfers: metadata.json5 walking minutes per station, line and direction (× 60 s); where only A→B is given, B→A takes the same time (upstream spec); time-limited shortcuts (apply_time) are used only when they cover the whole am-peak, otherwise the all-day value. Out-of-station (virtual) transfers (复兴门↔太平桥, 木樨地, 广安门内↔牛街, 大钟寺) are hubs with the given walk plus 180 s for leaving and re-entering the paid area (metro exit 60 s + entry 120 s).',
    `Metro station positions: OSM (bj-subway-gtfs-boyinthesun gtfs/stops.txt stations, one per line at interchanges, averaged), joined by name; names not found are resolved one by one (${resolved.resolutions.map((r) => r.name).join(', ')}): see networks/README.md. Every join was checked against the timetable's inter-station distances.`,
    ...rail.notes,
    `Hubs: each rail station with the metro stations within 1,000 m (the nearest up to 1,200 m) that are nearer to it than to any other rail station: ${hubs.notes.join('; ')}. Changes between a rail station and its metro use the core defaults: walk = max(6 min, walking the distance at 4.5 km/h × 1.3) plus exit from the first station and entry (security) into the second — e.g. metro → trunk 60 + 900 s, trunk → metro 300 + 120 s.`,
    'Station processing, walking access and weights: the core defaults (DESIGN.md §2, src/domain/assumptions.ts).',
    "Surface modes (DESIGN.md §2.1, defaults in src/domain/surface.ts and networks/README.md): walking, a shared bike or e-bike (13 km/h over distance × 1.3, 90 s to find and unlock in urban zones, 120 s in rural ones, 60 s to park; direct trips up to 8 km, to stations up to 3 km) and an area-wide bus (urban: every 10 min at 18 km/h — the Beijing peak ground-bus operating speed, 18.09 km/h in 2020 — stops 300 m from a zone's people; rural: every 30 min at 30 km/h, stops 600 m away; waits capped at 10 min; distance × 1.3; at a station the stop is 50 m from it — 88 % of Beijing's bus–metro transfer stops are within 50 m). The bus serves direct trips of any length and reaches the 2 nearest stations of each layer within 25 km. A zone is urban when its grid cell is a fine (1.5 km) cell, i.e. at least half of it is urban land, rural otherwise. Every zone therefore has a way to every other; the bus and bike figures other than the two cited are assumptions.",
    `Population (2020 census, cn-county-census2020-leiii): each Beijing district's urban and rural population (the census's own split) placed by the subdistrict boundaries (bj-subdistricts-thebamboogrove, 2023–24 divisions) — urban to 街道 land (within 3 km of the subdistrict's label point or 1.5 km of a station) and to town seats (镇/乡 land within 1.2 km of the label point or 1 km of a station), rural to the rest of the 镇/乡 land, evenly within each district. Below district level the population is an ESTIMATE. Beijing total ${bjTotal.toLocaleString('en')}.`,
    'Outside Beijing the data has no boundaries: each commuter town (三河/燕郊, 大厂, 香河, 廊坊, 固安, 涿州, 雄安, 武清, central Tianjin) holds its census population (county totals, several counties joined where one town spans them) on a disc around OSM anchor stations sized by an assumed urban density (10,000/km²; central Tianjin 20,000/km²) for the urban population, and an 8 km ring around it for the rural population. Placement is an ESTIMATE; the totals are the census.',
    `Workers (employed residents): each district's and town's census long-form industry total × ${LONG_FORM_RATE}, spread over its zones by population — an ESTIMATE. The demand model (DESIGN.md §3.1) calibrates its gravity β so that Beijing residents' mean one-way commute is 47 min (CAUPD, commute-facts.md); its other parameters are the defaults of src/domain/demand.ts, sources there.`,
    `Jobs: an ESTIMATE. District totals: 朝阳 2,604,000, 海淀 2,397,000, 丰台 1,145,000 (5th economic census 2023, commute-facts.md); 东城/西城 their employed residents × the jobs-per-employed-resident ratio of those three (${jobs.ratio.toFixed(2)}); other districts and towns as many jobs as employed residents (census long-form industry total × ${LONG_FORM_RATE}, the long form being a ~10 % sample). Within a district ${Math.round(CLUSTER_SHARE * 100)} % of the jobs sit within 1.5 km of its employment clusters (CBD, 中关村, 金融街, 上地, 望京, 亦庄, 丰台科技园: 2022 北京通勤特征年度报告), the rest follow residents.`,
    `Core (commute circle): zones within ${CORE_RADIUS_M} m of 天安门 (between 天安门西 and 天安门东), 国贸, 金融街 (between 复兴门 and 阜成门) and 中关村.`,
    ...metro.notes,
  );

  const network: Network = {
    format: NETWORK_FORMAT,
    id: 'jjj',
    name: { zh: '京津冀 四网融合 (北京都市圈)', en: 'Jing-Jin-Ji four networks (Beijing metropolitan area)' },
    description:
      "Beijing's metro from its weekday timetables, the suburban railway, and the intercity and trunk lines that carry commuters into Beijing from Tianjin and Hebei, with zones over Beijing and the commuter towns around it. Built by scripts/build-network from ../shared/data/raw.",
    attribution: [
      {
        text: '© OpenStreetMap contributors (station positions, via BoyInTheSun/beijing-subway-gtfs)',
        url: 'https://www.openstreetmap.org/copyright',
        licence: 'ODbL 1.0',
      },
      {
        text: 'Beijing metro timetables, distances and transfer times: Mick235711/Beijing-Subway-Tools (data/beijing), © 2025 Yihe Li',
        url: 'https://github.com/Mick235711/Beijing-Subway-Tools',
        licence: 'MIT',
      },
      {
        text: 'Beijing subdistrict boundaries: thebamboogrove/bj-subdistricts (based on 天地图 maps)',
        url: 'https://github.com/thebamboogrove/bj-subdistricts',
        licence: 'MIT',
      },
      {
        text: '2020 census county tables (7th census yearbook): leiii/census, © 2022 Lei Dong; Dong, Du & Liu, Mapping Evolving Population Geography in China (SSRN 4049338)',
        url: 'https://github.com/leiii/census',
        licence: 'MIT',
      },
      {
        text: 'Intercity line facts and commute facts typed from public reports (jjj-typed-facts; sources cited in networks/README.md)',
      },
    ],
    notes,
    periods: PERIODS.map(({ id, name, start, end }) => ({ id, name, start, end })),
    stations,
    hubs: hubs.hubs,
    lines,
    transfers,
    zones: [],
    zonesFile: 'jjj.zones.geojson',
    assumptions: {
      demand: {
        // β is calibrated so that Beijing residents' modelled mean commute is the published one.
        calibration: {
          region: 'beijing',
          targetMinutes: 47,
          source:
            'Beijing mean one-way commute 47 min: China Academy of Urban Planning and Design, annual commute monitoring reports 2020–2023 (commute-facts.md)',
        },
        // Beijing's jobs total its resident workers plus the published in-commuters from the surrounding belt;
        // without it one job scale for all regions sent 2.3 × as many (networks/README.md).
        netInflow: [
          {
            region: 'beijing',
            commuters: 330000,
            source:
              'about 330,000 people commute into Beijing from the surrounding Hebei/Tianjin belt (环京): Beijing Transport Institute commute reports (commute-facts.md); taken as the net inflow, out-commuters from Beijing being few',
          },
        ],
      },
    },
    zoneAttributes: {
      population: {
        source:
          '2020 census (district/county totals, urban/rural split); placed below district level by subdistrict boundaries — an estimate',
        estimate: true,
      },
      jobs: {
        source:
          'estimate from 2023 economic-census district figures, census long-form employment and the seven employment clusters (commute-facts.md)',
        estimate: true,
      },
      workers: {
        source: `2020 census long form: employed residents per district or county (industry total × ${LONG_FORM_RATE}, the long form being a ~10 % sample), spread over its zones by population — an estimate`,
        estimate: true,
      },
    },
    core,
    regions: [
      {
        id: 'beijing',
        name: { zh: '北京市', en: 'Beijing' },
        districts: units.filter((u) => u.beijing).map((u) => u.code),
      },
      {
        id: 'tianjin',
        name: { zh: '天津市（武清区、中心城区）', en: 'Tianjin (Wuqing, central districts)' },
        districts: units.filter((u) => u.code.startsWith('12')).map((u) => u.code),
      },
      {
        id: 'hebei',
        name: { zh: '河北环京地区', en: 'Hebei towns around Beijing' },
        districts: units.filter((u) => u.code.startsWith('13')).map((u) => u.code),
      },
    ],
  };
  const zonesGeojson = {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      geometry: z.geometry,
      properties: {
        id: z.id,
        name: z.name,
        centroid: z.centroid,
        population: z.population,
        jobs: z.jobs,
        workers: z.workers,
        district: z.district,
        class: z.class,
      },
    })),
  };

  const count = <T>(list: T[], key: (t: T) => string) => {
    const m = new Map<string, number>();
    for (const x of list) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return [...m].map(([k, v]) => `${k} ${v}`).join(', ');
  };
  report.push(
    `stations: ${stations.length} (${count(stations, (s) => s.layer)})`,
    `lines: ${lines.length} (${count(lines, (l) => l.layer)})`,
    `patterns: ${lines.reduce((s, l) => s + l.patterns.length, 0)}`,
    `hubs: ${hubs.hubs.length}`,
    `transfer rules: ${transfers.length}`,
    `zones: ${zones.length} (fine ${zones.filter((z) => z.id.startsWith('f')).length}, coarse ${zones.filter((z) => z.id.startsWith('c')).length})`,
    `population: Beijing ${bjTotal}, all ${zones.reduce((s, z) => s + z.population, 0)}; jobs ${zones.reduce((s, z) => s + z.jobs, 0)}`,
    `core zones: ${core.map((c) => `${c.id} ${c.zones.length}`).join(', ')}`,
    ...resolved.resolutions.map((r) => `resolved ${r.name} (${r.line}): ${r.how}`),
    ...metro.dropped.map((d) => `left out: ${d}`),
  );
  return { network, zonesGeojson, boundaries: buildBoundaries(units, subs, zones), report };
}

const isMain =
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').slice(-2).join('/'));
if (isMain) {
  const t0 = Date.now();
  const { network, zonesGeojson, boundaries, report } = build();
  const { zones: _z, ...file } = network;
  const a = writeJson(NETWORK_PATH, file, 1);
  const b = writeJson(ZONES_PATH, zonesGeojson);
  const c = writeJson(BOUNDARIES_PATH, boundaries);
  for (const line of report) console.log(line);
  console.log(
    `wrote ${NETWORK_PATH} (${(a / 1e6).toFixed(2)} MB), ${ZONES_PATH} (${(b / 1e6).toFixed(2)} MB) and ${BOUNDARIES_PATH} (${(c / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
