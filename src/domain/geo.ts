import { portableAsin, portableCos, portableSin } from './portableMath';

/** [longitude, latitude] in WGS84 degrees, GeoJSON order. */
export type LonLat = [number, number];

/** Mean earth radius in metres (the value turf uses, so domain and graph distances agree). */
const EARTH_RADIUS_M = 6371008.8;

/** Great-circle (haversine) distance in metres; the same bits on every engine (portableMath). */
export function greatCircleMeters(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const sinLat = portableSin(((b[1] - a[1]) * rad) / 2);
  const sinLon = portableSin(((b[0] - a[0]) * rad) / 2);
  const h = sinLat * sinLat + portableCos(a[1] * rad) * portableCos(b[1] * rad) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_M * portableAsin(Math.min(1, Math.sqrt(h)));
}

/**
 * A point on the unit sphere (x, y, z): distances between many points then cost a square root each, no
 * trigonometry (graph/surface.ts chordMeters). The same bits on every engine (portableMath).
 */
export function unitVector([lon, lat]: LonLat): [number, number, number] {
  const rad = Math.PI / 180;
  const c = portableCos(lat * rad);
  return [c * portableCos(lon * rad), c * portableSin(lon * rad), portableSin(lat * rad)];
}

export function isLonLat(value: unknown): value is LonLat {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}
