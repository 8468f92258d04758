import type { FeatureCollection, LineString } from 'geojson';
import { type LineLoad, loadChange } from '../../io/lineLoads';
import type { MapSide } from '../map/view';

/** Widest band, px (the busiest segment of either side, or the largest change), and the thinnest. */
export const MAX_WIDTH = 14;
export const MIN_WIDTH = 0.75;
/** Difference bands: more riders, fewer riders, no change (the summary chart's "after" green). */
export const GAIN = '#1b7837';
export const LOSS = '#b2182b';
export const SAME = '#8a8a8a';

/** What a full-width band stands for on each map: riders (both sides alike, so they compare), or change. */
export interface LoadScale {
  riders: number;
  change: number;
}

export function loadScale(loads: readonly LineLoad[]): LoadScale {
  let riders = 0;
  let change = 0;
  for (const l of loads) {
    riders = Math.max(riders, l.baseline ?? 0, l.scenario ?? 0);
    change = Math.max(change, Math.abs(loadChange(l) ?? 0));
  }
  return { riders, change };
}

/**
 * A segment's figure on one map: riders before or after, or their change; null where that side does not
 * run it. Without a scenario side (a scenario that changes nothing), after is the baseline.
 */
export function loadValue(l: LineLoad, side: MapSide): number | null {
  if (side === 'before' || l.scenario === undefined)
    return side === 'difference' ? (l.baseline === null ? null : 0) : l.baseline;
  return side === 'after' ? l.scenario : loadChange(l);
}

export function bandWidth(value: number, reference: number): number {
  return reference > 0 ? MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * Math.abs(value)) / reference : MIN_WIDTH;
}

/** A band's properties: the segment's index in the loads, its network, figure, width (px) and colour. */
export interface LoadProperties {
  i: number;
  layer: string;
  v: number;
  w: number;
  c: string;
}

/**
 * The segments as the map draws them: width by riders (or change), the line's colour (or gain / loss),
 * each direction offset to its right of travel so both show. `i` is the segment's index in `loads`.
 */
export function loadFeatures(
  loads: readonly LineLoad[],
  side: MapSide,
  scale: LoadScale = loadScale(loads),
): FeatureCollection<LineString, LoadProperties> {
  const reference = side === 'difference' ? scale.change : scale.riders;
  return {
    type: 'FeatureCollection',
    features: loads.flatMap((l, i) => {
      const v = loadValue(l, side);
      if (v === null) return [];
      const color = side !== 'difference' ? l.color : v > 0 ? GAIN : v < 0 ? LOSS : SAME;
      return [
        {
          type: 'Feature' as const,
          properties: { i, layer: l.layer, v, w: bandWidth(v, reference), c: color },
          geometry: { type: 'LineString' as const, coordinates: [l.from.coord, l.to.coord] },
        },
      ];
    }),
  };
}
