import type { Page } from 'playwright-core';

export interface ZoneSample {
  zone: number;
  /** The class the map holds for the zone (feature-state), or null without data. */
  cls: number | null;
  /** The pixel under the zone's centroid, when nothing but the zone is drawn there. */
  rgb: [number, number, number] | null;
}

/**
 * Wait until the live map is registered under `side`: a view switch renames the section at once, and the
 * registry follows in an effect just after.
 */
export async function mapShowing(page: Page, side: string): Promise<void> {
  await page.waitForFunction((side) => window.__commuteshed?.maps[side] !== undefined, side);
}

/** Page pixel of a [lon, lat] on the map showing `side`. */
export async function pixelOf(
  page: Page,
  side: string,
  at: [number, number],
): Promise<{ x: number; y: number }> {
  await mapShowing(page, side);
  const box = (await page.locator(`[data-testid="map-${side}"] canvas`).boundingBox())!;
  const p = await page.evaluate(
    ({ side, at }) => window.__commuteshed!.maps[side]!.project(at as [number, number]),
    { side, at },
  );
  return { x: box.x + p.x, y: box.y + p.y };
}

/**
 * For each zone: its class on the map of `side`, and the colour actually rendered at its centroid (read
 * back from the WebGL canvas), where no line, station or outline is drawn over it.
 */
export async function sampleZones(
  page: Page,
  side: string,
  centroids: [number, number][],
): Promise<ZoneSample[]> {
  return page.evaluate(
    ({ side, centroids }) => {
      const m = window.__commuteshed!.maps[side]!;
      const canvas = m.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const scale = canvas.width / canvas.clientWidth;
      return centroids.map((c, zone) => {
        const state = m.getFeatureState({ source: 'zones', id: zone }) as { c?: number };
        const cls = typeof state.c === 'number' ? state.c : null;
        const p = m.project(c as [number, number]);
        const inside = p.x > 2 && p.y > 2 && p.x < canvas.clientWidth - 2 && p.y < canvas.clientHeight - 2;
        const around = inside
          ? m.queryRenderedFeatures([
              [p.x - 4, p.y - 4],
              [p.x + 4, p.y + 4],
            ])
          : [];
        const clear = inside && around.every((f) => f.layer.id === 'zones-fill');
        if (!clear) return { zone, cls, rgb: null };
        const d = ctx.getImageData(Math.round(p.x * scale), Math.round(p.y * scale), 1, 1).data;
        return { zone, cls, rgb: [d[0]!, d[1]!, d[2]!] as [number, number, number] };
      });
    },
    { side, centroids },
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `color` drawn at `alpha` over `background`. */
export function blend(
  color: [number, number, number],
  background: [number, number, number],
  alpha: number,
): [number, number, number] {
  return color.map((c, k) => Math.round(alpha * c + (1 - alpha) * background[k]!)) as [
    number,
    number,
    number,
  ];
}

export const close = (a: readonly number[], b: readonly number[], tolerance = 10) =>
  a.every((x, k) => Math.abs(x - b[k]!) <= tolerance);
