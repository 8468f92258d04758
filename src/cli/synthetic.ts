import { portableExp } from '../demand/exp';
import type { LonLat } from '../domain/geo';
import type { LayerId } from '../domain/layer';
import type { Line } from '../domain/line';
import { NETWORK_FORMAT, type Network } from '../domain/network';
import { portableCos, portableSin } from '../domain/portableMath';
import type { Scenario } from '../domain/scenario';
import { SCENARIO_FORMAT } from '../domain/scenario';
import type { Station } from '../domain/station';
import type { Zone } from '../domain/zone';

/** mulberry32: a small seeded PRNG, so the synthetic region is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  zones: number;
  /** Metro lines per axis of the grid. */
  metroLinesPerAxis: number;
  /** Stops per metro line: an odd multiple of metroLinesPerAxis, so crossing lines share a stop. */
  metroStops: number;
  seed: number;
  /**
   * Zones are never closer than this (km, default 0.5: a 500 m grid, the finest a regional study uses).
   * Up to (60 km / spacing)² zones fill the 60 km square; more spread the grid outward at this spacing.
   * Denser grids would only multiply the zone-to-zone walking links (within 3 km: 393 a zone at 50,000
   * zones on the square), which the graph builder holds as objects; a larger study covers more ground.
   */
  minZoneSpacingKm?: number;
}

export const BENCH_REGION: SyntheticOptions = {
  zones: 5000,
  metroLinesPerAxis: 18,
  metroStops: 54,
  seed: 20261122,
};

const CENTRE: LonLat = [116.4, 39.9];
const KM_LAT = 111.195;
const KM_LON = KM_LAT * portableCos((CENTRE[1] * Math.PI) / 180);
const km = (x: number, y: number): LonLat => [CENTRE[0] + x / KM_LON, CENTRE[1] + y / KM_LAT];

/** The square grid of zones: cells per side, cell size and extent, km. */
function zoneGrid(o: SyntheticOptions): { side: number; cell: number; extent: number } {
  const side = Math.ceil(Math.sqrt(o.zones));
  const cell = Math.max(60 / side, o.minZoneSpacingKm ?? 0.5);
  return { side, cell, extent: side * cell };
}

/** Side of the square the zones cover, km. */
export function syntheticExtentKm(o: SyntheticOptions): number {
  return zoneGrid(o).extent;
}

/**
 * A synthetic metropolitan region for benchmarks: a metro grid (lines crossing at shared interchange
 * stations), radial suburban lines, intercity and trunk lines to outlying towns, hubs at the rail
 * stations, and zones on a square grid with population and jobs falling off from the centre.
 */
export function syntheticRegion(o: SyntheticOptions = BENCH_REGION): Network {
  const rand = random(o.seed);
  const stations: Station[] = [];
  const lines: Line[] = [];
  const byKey = new Map<string, string>();
  const stationAt = (x: number, y: number, layer: LayerId): string => {
    const key = `${layer === 'metro' ? 'm' : 'r'}:${x.toFixed(2)}:${y.toFixed(2)}`;
    let id = byKey.get(key);
    if (!id) {
      id = `${layer[0]}${stations.length}`;
      byKey.set(key, id);
      stations.push({ id, name: { en: `${layer} ${stations.length}` }, coord: km(x, y), layer });
    }
    return id;
  };
  const addLine = (
    id: string,
    layer: LayerId,
    stops: string[],
    runs: number[],
    dwell: number,
    peak: number,
    color: string,
  ) => {
    const dwells = stops.map((_, k) => (k === 0 || k === stops.length - 1 ? 0 : dwell));
    const headways = { 'am-peak': peak, 'off-peak': peak * 2 };
    lines.push({
      id,
      name: { en: id },
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
    });
  };

  // Lines at the centres of equal bands, stops at the centres of finer bands: with metroStops an odd
  // multiple of metroLinesPerAxis, every crossing of two lines is a stop of both (an interchange).
  const half = 24;
  for (let axis = 0; axis < 2; axis++) {
    for (let k = 0; k < o.metroLinesPerAxis; k++) {
      const offset = -half + ((k + 0.5) * 2 * half) / o.metroLinesPerAxis;
      const stops: string[] = [];
      for (let s = 0; s < o.metroStops; s++) {
        const along = -half + ((s + 0.5) * 2 * half) / o.metroStops;
        stops.push(axis === 0 ? stationAt(along, offset, 'metro') : stationAt(offset, along, 'metro'));
      }
      const runs = stops.slice(1).map(() => Math.round(100 + 40 * rand()));
      addLine(
        `M${axis ? 'V' : 'H'}${k}`,
        'metro',
        stops,
        runs,
        30,
        120 + 60 * Math.floor(rand() * 4),
        '#3366CC',
      );
    }
  }
  const radial = (
    id: string,
    layer: LayerId,
    angle: number,
    stops: number,
    step: number,
    run: number,
    dwell: number,
    peak: number,
  ) => {
    const ids = Array.from({ length: stops }, (_, s) =>
      stationAt(portableCos(angle) * (2 + s * step), portableSin(angle) * (2 + s * step), layer),
    );
    addLine(
      id,
      layer,
      ids,
      ids.slice(1).map(() => Math.round(run * (0.9 + 0.2 * rand()))),
      dwell,
      peak,
      '#CC6633',
    );
  };
  for (let k = 0; k < 12; k++) radial(`S${k}`, 'suburban', (k * Math.PI) / 6 + 0.13, 16, 3.2, 170, 60, 600);
  for (let k = 0; k < 4; k++) radial(`I${k}`, 'intercity', (k * Math.PI) / 2 + 0.4, 7, 11, 330, 120, 1200);
  for (let k = 0; k < 2; k++) radial(`T${k}`, 'trunk', k * Math.PI + 0.9, 5, 18, 480, 120, 1800);

  // Each rail station is a hub with the nearest metro station within 1.2 km.
  const metro = stations.filter((s) => s.layer === 'metro');
  const hubs = stations
    .filter((s) => s.layer !== 'metro')
    .flatMap((s) => {
      const near = metro.find((m) => {
        const dx = (m.coord[0] - s.coord[0]) * KM_LON;
        const dy = (m.coord[1] - s.coord[1]) * KM_LAT;
        return Math.sqrt(dx * dx + dy * dy) < 1.2;
      });
      return near ? [{ id: `hub-${s.id}`, name: { en: `hub ${s.id}` }, stations: [s.id, near.id] }] : [];
    })
    .filter((h, k, all) => all.findIndex((x) => x.stations[1] === h.stations[1]) === k);

  const { side, cell, extent } = zoneGrid(o);
  const zones: Zone[] = [];
  for (let i = 0; i < side && zones.length < o.zones; i++) {
    for (let j = 0; j < side && zones.length < o.zones; j++) {
      const x = -extent / 2 + (i + 0.5) * cell;
      const y = -extent / 2 + (j + 0.5) * cell;
      const r = Math.sqrt(x * x + y * y);
      zones.push({
        id: `z${zones.length}`,
        centroid: km(x, y),
        population: Math.round(4000 * portableExp(-r / 12) * (0.5 + rand())),
        jobs: Math.round(6000 * portableExp(-r / 5) * (0.5 + rand())),
      });
    }
  }
  const core = zones.filter(
    (z) =>
      Math.abs(z.centroid[0] - CENTRE[0]) * KM_LON < 1.5 &&
      Math.abs(z.centroid[1] - CENTRE[1]) * KM_LAT < 1.5,
  );
  return {
    format: NETWORK_FORMAT,
    id: 'synthetic',
    name: { en: 'Synthetic benchmark region' },
    attribution: [{ text: 'Generated by src/cli/synthetic.ts' }],
    periods: [
      { id: 'am-peak', name: { en: 'AM peak' }, start: '07:00', end: '09:00' },
      { id: 'off-peak', name: { en: 'Off-peak' }, start: '10:00', end: '16:00' },
    ],
    stations,
    hubs,
    lines,
    transfers: [],
    zones,
    core: [{ id: 'centre', name: { en: 'Centre' }, zones: core.map((z) => z.id) }],
  };
}

/** A scenario touching every layer: a new diagonal metro line, faster suburban trains, more intercity service. */
export function syntheticScenario(network: Network): Scenario {
  const metro = network.stations.filter((s) => s.layer === 'metro');
  const diagonal = metro
    .filter(
      (s) => Math.abs(s.coord[0] - CENTRE[0]) * KM_LON - Math.abs(s.coord[1] - CENTRE[1]) * KM_LAT < 0.3,
    )
    .filter((s) => Math.abs((s.coord[0] - CENTRE[0]) * KM_LON - (s.coord[1] - CENTRE[1]) * KM_LAT) < 0.6)
    .sort((a, b) => a.coord[0] - b.coord[0])
    .filter((_, k) => k % 2 === 0)
    .map((s) => s.id);
  return {
    format: SCENARIO_FORMAT,
    id: 'synthetic-scenario',
    name: 'Diagonal metro, faster suburban rail, more intercity trains',
    description: 'Benchmark scenario.',
    network: network.id,
    modifications: [
      {
        type: 'add-line',
        line: { id: 'DIAG', name: { en: 'Diagonal' }, layer: 'metro', color: '#009933' },
        stops: diagonal,
        speedKmh: 45,
        headways: { 'am-peak': 180, 'off-peak': 300 },
      },
      ...network.lines
        .filter((l) => l.layer === 'suburban')
        .map((l) => ({ type: 'adjust-speed' as const, line: l.id, speedFactor: 1.2 })),
      ...network.lines
        .filter((l) => l.layer === 'intercity')
        .map((l) => ({ type: 'set-headway' as const, line: l.id, headways: { 'am-peak': 600 } })),
    ],
  };
}
