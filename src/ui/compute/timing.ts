/**
 * Timings of what a planner waits for (load → first map, click → isochrone painted, scenario switch →
 * difference painted), kept on `window.__commuteshed` for the browser tests to read and print.
 */
interface Timings {
  marks: Record<string, number[]>;
  painted: number;
}

declare global {
  interface Window {
    __commuteshed?: Timings;
  }
}

function store(): Timings | undefined {
  if (typeof window === 'undefined') return undefined;
  window.__commuteshed ??= { marks: {}, painted: 0 };
  return window.__commuteshed;
}

export function timing(name: string, ms: number): void {
  const s = store();
  if (!s) return;
  const list = s.marks[name] ?? [];
  list.push(ms);
  s.marks[name] = list;
}

/** Counts map paints, so a test can wait for the next one. */
export function painted(): void {
  const s = store();
  if (s) s.painted++;
}
