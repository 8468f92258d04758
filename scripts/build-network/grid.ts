/**
 * Geometry helpers for the zone grid: a local equirectangular projection (metres), pointy-top hexagon
 * cells addressed by axial coordinates, and a sample lattice that polygons are rasterised onto by
 * scanlines. Pure arithmetic, so the same input gives the same cells on every machine.
 */
import type { LonLat } from '../../src/domain/geo';

/** Metres per degree of latitude on the sphere turf and the core use (R = 6,371,008.8 m). */
const M_PER_DEG = (Math.PI / 180) * 6371008.8;
export const ORIGIN: LonLat = [116.4, 39.9];
const KX = M_PER_DEG * Math.cos((ORIGIN[1] * Math.PI) / 180);
const KY = M_PER_DEG;

export function project([lon, lat]: LonLat): [number, number] {
  return [(lon - ORIGIN[0]) * KX, (lat - ORIGIN[1]) * KY];
}

export function unproject([x, y]: [number, number]): LonLat {
  return [ORIGIN[0] + x / KX, ORIGIN[1] + y / KY];
}

export const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** A pointy-top hex grid with centre spacing `spacing` metres. */
export class HexGrid {
  readonly size: number;
  constructor(readonly spacing: number) {
    this.size = spacing / Math.sqrt(3);
  }

  /** Axial cell of a projected point. */
  cellOf(x: number, y: number): [number, number] {
    const a = this.size;
    const qf = ((Math.sqrt(3) / 3) * x - y / 3) / a;
    const rf = ((2 / 3) * y) / a;
    const sf = -qf - rf;
    let q = Math.round(qf);
    let r = Math.round(rf);
    const s = Math.round(sf);
    const dq = Math.abs(q - qf);
    const dr = Math.abs(r - rf);
    const ds = Math.abs(s - sf);
    if (dq > dr && dq > ds) q = -r - s;
    else if (dr > ds) r = -q - s;
    return [q, r];
  }

  centre(q: number, r: number): [number, number] {
    const a = this.size;
    return [a * Math.sqrt(3) * (q + r / 2), a * 1.5 * r];
  }

  /** The hexagon's ring in lon/lat (closed, counter-clockwise). */
  ring(q: number, r: number): LonLat[] {
    const [cx, cy] = this.centre(q, r);
    const out: LonLat[] = [];
    for (let k = 0; k < 6; k++) {
      const ang = (Math.PI / 180) * (60 * k - 30);
      const [lon, lat] = unproject([cx + this.size * Math.cos(ang), cy + this.size * Math.sin(ang)]);
      out.push([round5(lon), round5(lat)]);
    }
    out.push(out[0]!);
    return out;
  }
}

/** A lattice of sample points (cell centres of an h × h raster) covering a projected box. */
export class Lattice {
  readonly cols: number;
  readonly rows: number;
  constructor(
    readonly x0: number,
    readonly y0: number,
    readonly x1: number,
    readonly y1: number,
    readonly h: number,
  ) {
    this.cols = Math.ceil((x1 - x0) / h);
    this.rows = Math.ceil((y1 - y0) / h);
  }

  get size(): number {
    return this.cols * this.rows;
  }

  x(i: number): number {
    return this.x0 + (i + 0.5) * this.h;
  }

  y(j: number): number {
    return this.y0 + (j + 0.5) * this.h;
  }

  /**
   * Calls `visit(index)` for every sample inside a polygon (rings in projected metres, even-odd rule, so
   * holes are excluded): one scanline per lattice row.
   */
  rasterise(rings: [number, number][][], visit: (index: number) => void): void {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const ring of rings) {
      for (const [, y] of ring) {
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    const j0 = Math.max(0, Math.ceil((minY - this.y0) / this.h - 0.5));
    const j1 = Math.min(this.rows - 1, Math.floor((maxY - this.y0) / this.h - 0.5));
    const xs: number[] = [];
    for (let j = j0; j <= j1; j++) {
      const y = this.y(j);
      xs.length = 0;
      for (const ring of rings) {
        for (let k = 0, n = ring.length; k < n; k++) {
          const [ax, ay] = ring[k]!;
          const [bx, by] = ring[(k + 1) % n]!;
          if (ay <= y !== by <= y) xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const i0 = Math.max(0, Math.ceil((xs[k]! - this.x0) / this.h - 0.5));
        const i1 = Math.min(this.cols - 1, Math.floor((xs[k + 1]! - this.x0) / this.h - 0.5));
        for (let i = i0; i <= i1; i++) visit(j * this.cols + i);
      }
    }
  }
}
