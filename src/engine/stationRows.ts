import type { Router } from './router';
import { TRIP_MODE } from './types';

interface StationRow {
  cost: Float64Array;
  /** Whole seconds (exact in float32 up to 194 days). */
  time: Float32Array;
}

/** Memory the cache of station rows may use before the least recently used are dropped. */
const DEFAULT_BUDGET_BYTES = 192 * 1024 * 1024;

/**
 * Zone rows from station rows. Every rail trip from zone o starts with one of o's access links k into a
 * station, so T(o, ·) = lexmin over k of (access_k + R_k(·)) together with o's direct surface trips, where R_k is
 * the row from just inside that station. This is exactly what a search from o computes — perceived costs
 * are dyadic, so the sums are exact, and the (cost, time) order is compatible with addition — but far
 * cheaper: stations with zone access are much fewer than zones, and each station row is searched once.
 */
export class StationRows {
  private readonly cache = new Map<number, StationRow>();
  private readonly scratchTime: Float64Array;
  private readonly scratchCost: Float64Array;
  private readonly maxRows: number;
  searches = 0;

  constructor(
    private readonly router: Router,
    budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {
    const z = router.g.zoneCount;
    this.scratchTime = new Float64Array(z);
    this.scratchCost = new Float64Array(z);
    this.maxRows = Math.max(1, Math.floor(budgetBytes / Math.max(1, 12 * z)));
  }

  /**
   * Times and costs from origin zone `o` to every zone (+Infinity where there is no path), and with `outMode`
   * how each best trip travels (TRIP_MODE: a direct surface mode, or rail).
   */
  row(o: number, outTime: Float64Array, outCost: Float64Array, outMode?: Uint8Array): void {
    const g = this.router.g;
    this.router.directSurface(o, outTime, outCost, outMode);
    const zones = g.zoneCount;
    for (let k = g.accessStart[o]!; k < g.accessStart[o + 1]!; k++) {
      const r = this.stationRow(g.accessNode[k]!);
      const ac = g.accessCost[k]!;
      const at = g.accessTime[k]!;
      const rc = r.cost;
      const rt = r.time;
      for (let d = 0; d < zones; d++) {
        const c = ac + rc[d]!;
        const bc = outCost[d]!;
        if (c > bc) continue;
        const t = at + rt[d]!;
        if (c < bc || t < outTime[d]!) {
          outCost[d] = c;
          outTime[d] = t;
          if (outMode) outMode[d] = TRIP_MODE.rail;
        }
      }
    }
  }

  private stationRow(entered: number): StationRow {
    const hit = this.cache.get(entered);
    if (hit) {
      this.cache.delete(entered);
      this.cache.set(entered, hit);
      return hit;
    }
    this.router.searchFromStation(entered);
    this.searches++;
    this.scratchCost.fill(Number.POSITIVE_INFINITY);
    this.scratchTime.fill(Number.POSITIVE_INFINITY);
    this.router.destinations(this.scratchTime, this.scratchCost);
    const row = { cost: Float64Array.from(this.scratchCost), time: Float32Array.from(this.scratchTime) };
    this.cache.set(entered, row);
    if (this.cache.size > this.maxRows) this.cache.delete(this.cache.keys().next().value!);
    return row;
  }
}
