import { portableAsin, portableCos, portableSin } from './portableMath';

/** [longitude, latitude] in WGS84 degrees, GeoJSON order. */
export type LonLat = [number, number];

/**
 * Mean earth radius in metres (the value turf uses). The engine keeps its own copy (engine/surface.ts: it
 * imports only itself).
 */
export const EARTH_RADIUS_M = 6371008.8;

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
 * trigonometry (chordMeters). The same bits on every engine (portableMath).
 */
export function unitVector([lon, lat]: LonLat): [number, number, number] {
  const rad = Math.PI / 180;
  const c = portableCos(lat * rad);
  return [c * portableCos(lon * rad), c * portableSin(lon * rad), portableSin(lat * rad)];
}

/**
 * Great-circle metres between two unit vectors from their chord c: 2R·asin(c/2) = R(c + c³/24 + …); the
 * terms left out are below 3·10⁻⁶ of the distance up to 1,000 km. The graph's surface legs, its access
 * links and the car model take distances so; the engine computes exactly this expression in its hot loop
 * (engine/router.ts, engine/surface.ts zoneMeters), so all give the same bits.
 */
export function chordMeters(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  const dx = ax - bx;
  const dy = ay - by;
  const dz = az - bz;
  const c2 = dx * dx + dy * dy + dz * dz;
  return EARTH_RADIUS_M * Math.sqrt(c2) * (1 + c2 / 24);
}

/** chordMeters between points a and b of `unit` (unit vectors, 3 numbers a point: x, y, z). */
export function zoneMeters(unit: ArrayLike<number>, a: number, b: number): number {
  return chordMeters(
    unit[3 * a]!,
    unit[3 * a + 1]!,
    unit[3 * a + 2]!,
    unit[3 * b]!,
    unit[3 * b + 1]!,
    unit[3 * b + 2]!,
  );
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
