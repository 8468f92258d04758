/**
 * Writes networks/toy.network.json: a small, invented four-layer region ("Toyton") that exercises every
 * part of the model — two crossing metro lines, a rail hub, a suburban line, an intercity and a trunk
 * line — so the app and the tests run before (and independently of) the real network.
 * Run: npx tsx scripts/build-toy-network.ts
 */
import { writeFileSync } from 'node:fs';
import type { LonLat } from '../src/domain/geo';
import type { LayerId } from '../src/domain/layer';
import type { Line } from '../src/domain/line';
import { NETWORK_FORMAT, type Network } from '../src/domain/network';
import type { Station } from '../src/domain/station';
import type { Zone } from '../src/domain/zone';

const ORIGIN: LonLat = [0, 45];
const KM_LAT = 111.195;
const KM_LON = KM_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
/** x km east and y km north of the centre. */
const km = (x: number, y: number): LonLat => [r5(ORIGIN[0] + x / KM_LON), r5(ORIGIN[1] + y / KM_LAT)];

const station = (id: string, en: string, zh: string, x: number, y: number, layer: LayerId): Station => ({
  id,
  name: { en, zh },
  coord: km(x, y),
  layer,
});

const stations: Station[] = [
  station('west-hills', 'West Hills', '西山', -6, 0, 'metro'),
  station('old-town', 'Old Town', '老城', -4, 0, 'metro'),
  station('market', 'Market', '市场', -2, 0, 'metro'),
  station('central', 'Central', '中央', 0, 0, 'metro'),
  station('park', 'Park', '公园', 2, 0, 'metro'),
  station('riverside', 'Riverside', '河畔', 4, 0, 'metro'),
  station('east-gate', 'East Gate', '东门', 6, 0, 'metro'),
  station('university', 'University', '大学城', 0, 4, 'metro'),
  station('museum', 'Museum', '博物馆', 0, 2, 'metro'),
  station('stadium', 'Stadium', '体育场', 0, -2, 'metro'),
  station('rail-square', 'Railway Square', '火车站广场', 0.8, -3.5, 'metro'),
  station('northeast', 'Northeast', '东北', 3.5, 3.5, 'metro'),
  station('southeast', 'Southeast', '东南', 3.5, -3.5, 'metro'),
  station('southwest', 'Southwest', '西南', -3.5, -3.5, 'metro'),
  station('northwest', 'Northwest', '西北', -3.5, 3.5, 'metro'),
  station('toyton-rail', 'Toyton Railway Station', '玩具城站', 1.1, -3.7, 'trunk'),
  station('airport', 'Airport', '机场', 8, -8, 'suburban'),
  station('new-town', 'New Town', '新城', 16, -10, 'suburban'),
  station('midway', 'Midway', '中途', 20, 2, 'intercity'),
  station('twin-city', 'Twin City', '双子城', 40, 0, 'intercity'),
];

/** Both directions of one stopping pattern; runs in seconds, dwell at intermediate stops. */
function line(
  id: string,
  en: string,
  zh: string,
  layer: LayerId,
  color: string,
  stops: string[],
  runs: number[],
  dwell: number,
  peak: number,
  offPeak: number,
): Line {
  const dwells = stops.map((_, k) => (k === 0 || k === stops.length - 1 ? 0 : dwell));
  const headways = { 'am-peak': peak, 'off-peak': offPeak };
  return {
    id,
    name: { en, zh },
    layer,
    color,
    patterns: [
      { id: 'all', direction: 0, stops, runSeconds: runs, dwellSeconds: dwells, headways },
      {
        id: 'all',
        direction: 1,
        stops: [...stops].reverse(),
        runSeconds: [...runs].reverse(),
        dwellSeconds: [...dwells].reverse(),
        headways,
      },
    ],
  };
}

/** Metro 3: a loop (inner and outer rail) through four interchanges, to exercise loop lines everywhere. */
function loopLine(): Line {
  const stops = [
    'university',
    'northeast',
    'riverside',
    'southeast',
    'rail-square',
    'southwest',
    'old-town',
    'northwest',
  ];
  const runs = [330, 330, 330, 300, 310, 330, 330, 330];
  const dwells = stops.map(() => 30);
  const headways = { 'am-peak': 300, 'off-peak': 420 };
  const reversedRuns = stops.map((_, k) => runs[(2 * stops.length - 2 - k) % stops.length]!);
  return {
    id: 'm3',
    name: { en: 'Metro 3 (loop)', zh: '地铁3号线（环线）' },
    layer: 'metro',
    color: '#00A651',
    directionNames: [
      { en: 'Clockwise', zh: '外环' },
      { en: 'Anticlockwise', zh: '内环' },
    ],
    patterns: [
      { id: 'loop', direction: 0, stops, runSeconds: runs, dwellSeconds: dwells, headways, loop: true },
      {
        id: 'loop',
        direction: 1,
        stops: [...stops].reverse(),
        runSeconds: reversedRuns,
        dwellSeconds: dwells,
        headways,
        loop: true,
      },
    ],
  };
}

const lines: Line[] = [
  line(
    'm1',
    'Metro 1',
    '地铁1号线',
    'metro',
    '#C8102E',
    ['west-hills', 'old-town', 'market', 'central', 'park', 'riverside', 'east-gate'],
    [150, 150, 150, 150, 150, 150],
    30,
    180,
    300,
  ),
  line(
    'm2',
    'Metro 2',
    '地铁2号线',
    'metro',
    '#0072CE',
    ['university', 'museum', 'central', 'stadium', 'rail-square'],
    [150, 150, 150, 190],
    30,
    240,
    360,
  ),
  loopLine(),
  line(
    's1',
    'Airport Suburban Line',
    '机场市郊线',
    'suburban',
    '#F2A900',
    ['toyton-rail', 'airport', 'new-town'],
    [480, 420],
    60,
    600,
    1200,
  ),
  line(
    'ic',
    'Twin City Intercity',
    '双子城城际',
    'intercity',
    '#6E2C91',
    ['toyton-rail', 'midway', 'twin-city'],
    [540, 480],
    120,
    1200,
    1800,
  ),
  line(
    't1',
    'Coast Trunk Railway',
    '沿海干线',
    'trunk',
    '#5B6770',
    ['toyton-rail', 'twin-city'],
    [900],
    0,
    1800,
    3600,
  ),
];

/** 2 km square cells centred on the even-km grid over the city, plus small clusters at the outlying towns. */
function square(x: number, y: number, half: number): Zone['geometry'] {
  const ring = [
    km(x - half, y - half),
    km(x + half, y - half),
    km(x + half, y + half),
    km(x - half, y + half),
    km(x - half, y - half),
  ];
  return { type: 'Polygon', coordinates: [ring] };
}
const zones: Zone[] = [];
const addZone = (x: number, y: number, population: number, jobs: number) =>
  zones.push({ id: `z${x}_${y}`, centroid: km(x, y), population, jobs, geometry: square(x, y, 1) });
for (let y = -6; y <= 6; y += 2) {
  for (let x = -8; x <= 8; x += 2) {
    const r = Math.hypot(x, y);
    const population = Math.round(18000 * Math.exp(-r / 5));
    const jobs = Math.round(30000 * Math.exp(-r / 2.5) + (x === 6 && y === 0 ? 12000 : 0));
    addZone(x, y, population, jobs);
  }
}
for (const [cx, cy, pop, jobs] of [
  [16, -10, 9000, 2500],
  [8, -8, 1500, 6000],
  [20, 2, 3000, 800],
  [40, 0, 14000, 7000],
] as const) {
  for (const [dx, dy] of [
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ]) {
    addZone(cx + dx, cy + dy, pop / 4, jobs / 4);
  }
}

const network: Network = {
  format: NETWORK_FORMAT,
  id: 'toy',
  name: { en: 'Toyton (invented test region)', zh: '玩具城（虚构测试区域）' },
  description:
    'A small invented region with all four rail layers, for tests and for trying the app without real data.',
  attribution: [{ text: 'Invented by the Commuteshed authors; no real-world data.', licence: 'MIT' }],
  notes: [
    'Everything here is invented: stations, lines, times, population and jobs.',
    'Run times are round numbers chosen to be easy to check by hand; zones are 2 km squares.',
    'Surface modes (walk, bike, the area-wide bus) take the defaults of DESIGN.md §2.1; every zone is urban.',
  ],
  periods: [
    { id: 'am-peak', name: { en: 'AM peak', zh: '早高峰' }, start: '07:00', end: '09:00' },
    { id: 'off-peak', name: { en: 'Off-peak', zh: '平峰' }, start: '10:00', end: '16:00' },
  ],
  stations,
  hubs: [
    {
      id: 'toyton-hub',
      name: { en: 'Toyton Railway Station', zh: '玩具城站枢纽' },
      stations: ['toyton-rail', 'rail-square'],
    },
  ],
  lines,
  transfers: [
    { at: { station: 'central' }, from: { line: 'm1' }, to: { line: 'm2' }, walkSeconds: 120 },
    { at: { station: 'central' }, from: { line: 'm2' }, to: { line: 'm1' }, walkSeconds: 150 },
    { at: { hub: 'toyton-hub' }, walkSeconds: 240 },
  ],
  zones,
  zoneAttributes: {
    population: { source: 'invented: falls off exponentially from the centre', estimate: true },
    jobs: { source: 'invented: concentrated at Central and East Gate', estimate: true },
  },
  core: [{ id: 'central', name: { en: 'Central', zh: '中央' }, zones: ['z0_0'] }],
};

writeFileSync(
  new URL('../networks/toy.network.json', import.meta.url),
  `${JSON.stringify(network, null, 1)}\n`,
);
console.log(
  `networks/toy.network.json: ${stations.length} stations, ${lines.length} lines, ${zones.length} zones`,
);
