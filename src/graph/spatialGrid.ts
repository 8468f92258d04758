import type { LonLat } from '../domain/geo';
import { portableCos } from '../domain/portableMath';

/**
 * Points bucketed in a lon/lat grid whose cells are at least `radiusMeters` on a side, so every point within
 * that radius of a query lies in the 3×3 cells around it. Candidates only: callers measure the distance.
 */
export class SpatialGrid {
  private readonly cells = new Map<string, number[]>();
  private readonly cellLat: number;
  private readonly cellLon: number;

  constructor(points: readonly LonLat[], radiusMeters: number, referenceLat: number) {
    const degLat = Math.max(radiusMeters, 1) / 111_000;
    // Cells are widened by the cosine of the most poleward latitude so none is narrower than the radius.
    const maxLat = Math.min(89, Math.max(Math.abs(referenceLat), ...points.map((p) => Math.abs(p[1]))));
    this.cellLat = degLat;
    this.cellLon = degLat / portableCos((maxLat * Math.PI) / 180);
    points.forEach((p, k) => {
      const key = this.key(this.col(p[0]), this.row(p[1]));
      const cell = this.cells.get(key);
      if (cell) cell.push(k);
      else this.cells.set(key, [k]);
    });
  }

  /** Call `f` with every point that may lie within the radius of `p` (in no particular order). */
  forEachNear(p: LonLat, f: (k: number) => void): void {
    const c = this.col(p[0]);
    const r = this.row(p[1]);
    for (let dc = -1; dc <= 1; dc++) {
      for (let dr = -1; dr <= 1; dr++) {
        const cell = this.cells.get(this.key(c + dc, r + dr));
        if (cell) for (const k of cell) f(k);
      }
    }
  }

  /** Indices of points that may lie within the radius of `p`, ascending. */
  near(p: LonLat): number[] {
    const c = this.col(p[0]);
    const r = this.row(p[1]);
    const out: number[] = [];
    for (let dc = -1; dc <= 1; dc++) {
      for (let dr = -1; dr <= 1; dr++) {
        const cell = this.cells.get(this.key(c + dc, r + dr));
        if (cell) out.push(...cell);
      }
    }
    return out.sort((a, b) => a - b);
  }

  private col(lon: number): number {
    return Math.floor(lon / this.cellLon);
  }

  private row(lat: number): number {
    return Math.floor(lat / this.cellLat);
  }

  private key(c: number, r: number): string {
    return `${c},${r}`;
  }
}
