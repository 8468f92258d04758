import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Timings of what a planner waits for (load → first map, click → isochrone painted, scenario switch →
 * difference painted) and the live maps, kept on `window.__commuteshed` for the browser tests to read.
 */
interface Timings {
  marks: Record<string, number[]>;
  painted: number;
  /** performance.now() of the last map paint that showed data. */
  lastPaintAt: number;
  maps: Record<string, MapLibreMap>;
}

declare global {
  interface Window {
    __commuteshed?: Timings;
  }
}

function store(): Timings | undefined {
  if (typeof window === 'undefined') return undefined;
  window.__commuteshed ??= { marks: {}, painted: 0, lastPaintAt: 0, maps: {} };
  return window.__commuteshed;
}

export function timing(name: string, ms: number): void {
  const s = store();
  if (!s) return;
  const list = s.marks[name] ?? [];
  list.push(ms);
  s.marks[name] = list;
}

/** Counts map paints (and stamps those that showed data), so a test can wait for the next one. */
export function painted(withData: boolean): void {
  const s = store();
  if (!s) return;
  s.painted++;
  if (withData) {
    s.lastPaintAt = performance.now();
    if (!s.marks['first-coloured-map']) s.marks['first-coloured-map'] = [s.lastPaintAt];
  }
}

/** The map showing `side`, for tests that read what is drawn. */
export function registerMap(side: string, map: MapLibreMap | null): void {
  const s = store();
  if (!s) return;
  if (map) s.maps[side] = map;
  else delete s.maps[side];
}

/** `map` no longer shows `side` (another map may show it by now: that one stays). */
export function unregisterMap(side: string, map: MapLibreMap): void {
  if (store()?.maps[side] === map) registerMap(side, null);
}
