import type { Map as MapLibreMap } from 'maplibre-gl';
import { nameIn } from '../../domain/names';
import { timing } from '../compute/timing';
import { t } from '../i18n';
import '../panels/strings';
import { boundaries } from '../data/areas';
import { NO_PATH_COLOR } from '../map/classes';
import type { MapSide } from '../map/view';
import { sideScale } from '../map/view';
import { currentMetricLabel } from '../state/metrics';
import { beforeNetwork, lang, network, period, scenarioNetwork } from '../state/store';
import { encodePng } from './png';

/** Print resolution: at least twice the screen's pixels. */
export const PRINT_SCALE = 2;

const INK = '#1d2327';
const MUTED = '#5d676e';
const FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/** What the image says it shows: title, and the scenario, view and period under it. */
export function mapCaption(side: MapSide): { title: string; subtitle: string } {
  const n = network.value?.network;
  const l = lang.value;
  const p = n?.periods.find((x) => x.id === period.value);
  // Whose network the side shows: the before side's (the baseline, or the scenario compared with), the
  // scenario's after; a difference names both.
  const before = beforeNetwork.value?.scenario?.name ?? t('summary.baseline');
  const after = scenarioNetwork.value?.scenario?.name;
  const what =
    side === 'before'
      ? before
      : side === 'after'
        ? (after ?? before)
        : after
          ? `${before} → ${after}`
          : before;
  return {
    title: `${currentMetricLabel.value}${side === 'difference' ? ` — ${t('view.difference')}` : ''}`,
    subtitle: [
      n ? nameIn(n.name, l) : '',
      `${t('view.label')}: ${t(`view.${side}`)}`,
      what,
      p ? `${nameIn(p.name, l)} ${p.start}–${p.end}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

/** The network's sources and its boundaries file's, each said once (a source both name is kept once). */
export function dataSources(...lists: { text: string; url?: string; licence?: string }[][]): string {
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((a) => {
      const key = a.url ?? a.text;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((a) => `${a.text}${a.licence ? ` (${a.licence})` : ''}`)
    .join('; ');
}

/** Lines of `text` no wider than `width` (CJK text breaks anywhere, other text at spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const words = text.split(/(?<=[\s\u3000-\u9fff])/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && ctx.measureText(line + w).width > width) {
      lines.push(line.trimEnd());
      line = w.trimStart();
    } else line += w;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** A scale bar's length: the largest 1, 2, 5 × 10^n metres not longer than `maxMetres`. */
export function scaleBarMetres(maxMetres: number): number {
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((m) => m * p).find((v) => v <= maxMetres) ?? p;
}

/** Metres per CSS pixel at the map's centre (web mercator, 512 px tiles). */
function metresPerPixel(map: MapLibreMap): number {
  const lat = (map.getCenter().lat * Math.PI) / 180;
  return (40_075_016.686 * Math.cos(lat)) / (512 * 2 ** map.getZoom());
}

/** The next frame the map has finished (sources loaded, nothing moving). */
export function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** Maps drawn at print resolution for a capture: their screen pixel ratio and the pending return to it. */
const printing = new WeakMap<MapLibreMap, { screenRatio: number; timer: ReturnType<typeof setTimeout> }>();

/** A report-ready image of a map: PNG bytes and their size in pixels. */
export interface MapImage {
  png: Blob;
  width: number;
  height: number;
}

/**
 * The map as a report-ready image: title, scenario, view and period above; the map at print resolution;
 * its legend, a scale bar and the data attribution over and under it. The map is drawn at PRINT_SCALE ×
 * the screen's pixel ratio for the capture and put back once the PNG is made (putting it back redraws the
 * map, which would otherwise run in the middle of the encoding).
 */
export async function mapImage(map: MapLibreMap, side: MapSide): Promise<MapImage> {
  // A capture right after another finds the map still at print resolution: its screen ratio is the one
  // kept from before, and the pending return to it waits for this capture too.
  const kept = printing.get(map);
  clearTimeout(kept?.timer);
  const screenRatio = kept?.screenRatio ?? map.getPixelRatio();
  const ratio = Math.max(PRINT_SCALE, PRINT_SCALE * (window.devicePixelRatio || 1));
  map.setPixelRatio(ratio);
  try {
    const started = performance.now();
    await idle(map);
    const canvas = compose(map, side, ratio);
    const drawn = performance.now();
    timing('png-draw', drawn - started);
    const png = await pngOf(canvas);
    timing('png-encode', performance.now() - drawn);
    return { png, width: canvas.width, height: canvas.height };
  } finally {
    // Back to the screen's resolution once the image is handed over (reallocating the drawing buffer
    // is no part of making the image).
    const timer = setTimeout(() => {
      printing.delete(map);
      map.setPixelRatio(screenRatio);
    }, 0);
    printing.set(map, { screenRatio, timer });
  }
}

/**
 * The map's pixels, read from its WebGL context (the drawing buffer is kept: preserveDrawingBuffer).
 * Reading them directly is the quick way out of the GPU: a canvas drawImage of the map followed by
 * getImageData took 0.5–1 s for a 2× map in Chromium, readPixels about a quarter of that (most of it the
 * frame being drawn).
 */
function readPixels(map: MapLibreMap): ImageData {
  const canvas = map.getCanvas();
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
  const { width, height } = canvas;
  const bottomUp = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
  const image = new ImageData(width, height);
  const row = width * 4;
  for (let y = 0; y < height; y++)
    image.data.set(bottomUp.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  return image;
}

function compose(map: MapLibreMap, side: MapSide, ratio: number): HTMLCanvasElement {
  const source = map.getCanvas();
  const cssWidth = source.width / ratio;
  const cssHeight = source.height / ratio;
  const n = network.value?.network;
  const attribution = dataSources(n?.attribution ?? [], boundaries.value?.attribution ?? []);
  const { title, subtitle } = mapCaption(side);

  const canvas = document.createElement('canvas');
  // A canvas in memory (not on the GPU): its pixels are read back once, for the PNG encoder.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const pad = 14;
  ctx.font = `10px ${FONT}`;
  const notes = wrap(ctx, `${t('attribution')}: ${attribution}`, cssWidth - 2 * pad);
  ctx.font = `12px ${FONT}`;
  const subtitles = wrap(ctx, subtitle, cssWidth - 2 * pad);
  const head = 38 + 16 * subtitles.length;
  const foot = 8 + notes.length * 13;
  canvas.width = Math.round(cssWidth * ratio);
  canvas.height = Math.round((head + cssHeight + foot) * ratio);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cssWidth, head + cssHeight + foot);

  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 17px ${FONT}`;
  ctx.fillText(title, pad, 24);
  ctx.fillStyle = MUTED;
  ctx.font = `12px ${FONT}`;
  for (const [k, line] of subtitles.entries()) ctx.fillText(line, pad, 43 + 16 * k);
  ctx.putImageData(readPixels(map), 0, Math.round(head * ratio));

  drawLegend(ctx, side, pad, head + cssHeight - pad);
  drawScaleBar(ctx, metresPerPixel(map), cssWidth - pad, head + cssHeight - pad);

  ctx.fillStyle = MUTED;
  ctx.font = `10px ${FONT}`;
  for (const [k, line] of notes.entries()) ctx.fillText(line, pad, head + cssHeight + 15 + k * 13);
  return canvas;
}

/** The legend box, bottom-left corner at (x, bottom). */
function drawLegend(ctx: CanvasRenderingContext2D, side: MapSide, x: number, bottom: number): void {
  const scale = sideScale[side].value;
  const items: [string, string | null][] = [
    ...scale.colors.map((c, k): [string, string] => [c, scale.labels[k]!]),
    [NO_PATH_COLOR, t('legend.noPath')],
    ['circle', t('legend.circle')],
  ];
  ctx.font = `11px ${FONT}`;
  const row = 16;
  const width = 28 + Math.max(...items.map(([, label]) => ctx.measureText(label ?? '').width));
  const height = 10 + row * items.length;
  const top = bottom - height;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#c9ced2';
  ctx.lineWidth = 1;
  ctx.fillRect(x, top, width + 8, height);
  ctx.strokeRect(x + 0.5, top + 0.5, width + 7, height - 1);
  items.forEach(([color, label], k) => {
    const y = top + 6 + k * row;
    if (color === 'circle') {
      ctx.setLineDash([4, 2]);
      ctx.strokeStyle = '#222222';
      ctx.lineWidth = 2;
      ctx.strokeRect(x + 7, y + 2, 14, 9);
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = color;
      ctx.fillRect(x + 6, y + 1, 16, 11);
      ctx.strokeStyle = 'rgba(0,0,0,0.2)';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 6.5, y + 1.5, 15, 10);
    }
    ctx.fillStyle = INK;
    ctx.fillText(label ?? '', x + 28, y + 11);
  });
}

/** A scale bar of a round length, bottom-right corner at (right, bottom). */
function drawScaleBar(
  ctx: CanvasRenderingContext2D,
  metresPerPx: number,
  right: number,
  bottom: number,
): void {
  const metres = scaleBarMetres(metresPerPx * 120);
  const px = metres / metresPerPx;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  ctx.font = `11px ${FONT}`;
  const left = right - px;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(left - 6, bottom - 26, px + 12, 30);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(left, bottom - 8);
  ctx.lineTo(left, bottom - 2);
  ctx.lineTo(right, bottom - 2);
  ctx.lineTo(right, bottom - 8);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.fillText(label, left + px / 2, bottom - 12);
  ctx.textAlign = 'left';
}

/** The image as a PNG file (encoded by png.ts, many times quicker than canvas.toBlob here). */
async function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const bytes = await encodePng(canvas.width, canvas.height, pixels.data);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
