import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { greatCircleMeters, type LonLat } from '../../src/domain/geo';
import type { Network } from '../../src/domain/network';
import { Router } from '../../src/engine/router';
import { buildSpec } from '../../src/graph/build';
import { compile } from '../../src/graph/compile';
import { loadNetwork } from '../../src/io/network';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RAW = process.env.COMMUTESHED_RAW ?? resolve(ROOT, '..', 'shared', 'data', 'raw');
export const NETWORK_FILE = join(ROOT, 'networks', 'jjj.network.json');
export const ZONES_FILE = join(ROOT, 'networks', 'jjj.zones.geojson');
export const BOUNDARIES_FILE = join(ROOT, 'networks', 'jjj.boundaries.geojson');

let cached: Network | undefined;

export function loadJjj(): Network {
  if (cached) return cached;
  const result = loadNetwork({
    file: 'jjj.network.json',
    text: readFileSync(NETWORK_FILE, 'utf8'),
    zones: { file: 'jjj.zones.geojson', text: readFileSync(ZONES_FILE, 'utf8') },
  });
  if (!result.ok)
    throw new Error(`jjj.network.json does not validate: ${JSON.stringify(result.issues.slice(0, 5))}`);
  cached = result.value;
  return cached;
}

/** The populated zone nearest a point (optionally within one district/unit). */
export function zoneNear(network: Network, at: LonLat, district?: string): string {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const z of network.zones) {
    if (z.population <= 0 || (district !== undefined && z.district !== district)) continue;
    const d = greatCircleMeters(z.centroid, at);
    if (d < bestD) {
      bestD = d;
      best = z.id;
    }
  }
  if (!best) throw new Error(`no zone near ${at}`);
  return best;
}

/** A router for one period of a network, with zone lookup. */
export class Times {
  readonly router: Router;
  readonly zoneIndex: Map<string, number>;
  private readonly time: Float64Array;
  private readonly cost: Float64Array;
  constructor(network: Network, period = 'am-peak') {
    const compiled = compile(buildSpec(network, period));
    this.router = new Router(compiled);
    this.zoneIndex = new Map(compiled.zones.map((z, k) => [z, k]));
    this.time = new Float64Array(compiled.zoneCount);
    this.cost = new Float64Array(compiled.zoneCount);
  }

  /** Times (s) and costs from one origin to every zone (copies). */
  row(origin: string): { time: Float64Array; cost: Float64Array } {
    this.router.row(this.zoneIndex.get(origin)!, this.time, this.cost);
    return { time: Float64Array.from(this.time), cost: Float64Array.from(this.cost) };
  }

  trip(origin: string, destination: string) {
    return this.router.trip(this.zoneIndex.get(origin)!, this.zoneIndex.get(destination)!);
  }

  /** Time to the nearest (quickest) core zone. */
  toCore(origin: string, core: string[]): number {
    const { time } = this.row(origin);
    return Math.min(...core.map((z) => time[this.zoneIndex.get(z)!]!));
  }
}
