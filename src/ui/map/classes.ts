import type { MetricId, ViewMode } from '../state/store';

/** A classed colour scale: values ≤ breaks[0] get colors[0], …, above the last break the last colour. */
export interface Scale {
  breaks: number[];
  colors: string[];
  /** Label of each class, e.g. "15–30 min". */
  labels: string[];
  unit: 'min' | 'jobs';
  diverging: boolean;
}

export const NO_PATH_COLOR = '#c9c9c9';
export const NO_DATA_COLOR = 'rgba(0,0,0,0)';
export const NO_PATH = -1;
/** The class of a zone with no value to show (nothing selected yet): drawn transparent. */
export const NO_DATA = -2;

/** Minutes, fast (dark green) to slow (red): ColorBrewer RdYlGn, reversed. */
const TIME_COLORS = ['#1a9850', '#91cf60', '#d9ef8b', '#fee08b', '#fc8d59', '#d73027'];
/** Jobs reachable, few (light) to many (dark): ColorBrewer PuBu. */
const JOBS_COLORS = ['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#045a8d'];
/** Change, gain (green) to loss (purple): ColorBrewer PRGn (colour-blind safe), neutral in the middle. */
const DIFF_COLORS = ['#00441b', '#1b7837', '#5aae61', '#a6dba0', '#f7f7f7', '#c2a5cf', '#9970ab', '#762a83'];

export const TIME_BREAKS = [15, 30, 45, 60, 90];

function rangeLabels(breaks: number[], unit: string, format: (x: number) => string): string[] {
  return [
    `≤ ${format(breaks[0]!)} ${unit}`,
    ...breaks.slice(1).map((b, k) => `${format(breaks[k]!)}–${format(b)} ${unit}`),
    `> ${format(breaks.at(-1)!)} ${unit}`,
  ];
}

const jobsFormat = (x: number) =>
  x >= 1e6
    ? `${(x / 1e6).toFixed(x % 1e6 === 0 ? 0 : 1)}M`
    : x >= 1e3
      ? `${Math.round(x / 1e3)}k`
      : String(x);

/** 1, 2, 5 × 10^n at or above x. */
export function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x)!;
}

/**
 * The scale for a metric in a view mode. Job scales are fixed by the baseline (nice numbers at its
 * quintiles of population-weighted values), so before, after and side by side read the same colours.
 */
export function scaleFor(metric: MetricId, mode: ViewMode, baselineValues?: Float64Array): Scale {
  const jobs = metric.startsWith('jobs-');
  if (mode === 'difference') {
    if (!jobs) {
      const breaks = [-20, -10, -5, -1, 1, 5, 10];
      return {
        breaks,
        colors: DIFF_COLORS,
        labels: [
          '≥ 20 min quicker',
          '10–20 min quicker',
          '5–10 min quicker',
          '1–5 min quicker',
          'within 1 min',
          '1–5 min slower',
          '5–10 min slower',
          '> 10 min slower',
        ],
        unit: 'min',
        diverging: true,
      };
    }
    const top = niceCeil(Math.max(1, ...(baselineValues ? [quantile(baselineValues, 0.9) / 5] : [1000])));
    const steps = [top, top / 2, top / 5, top / 50];
    const breaks = [-steps[0]!, -steps[1]!, -steps[2]!, -steps[3]!, steps[3]!, steps[2]!, steps[1]!];
    return {
      breaks,
      colors: [...DIFF_COLORS].reverse(),
      labels: [
        `−${jobsFormat(steps[1]!)} or fewer`,
        `−${jobsFormat(steps[2]!)} to −${jobsFormat(steps[1]!)}`,
        `−${jobsFormat(steps[3]!)} to −${jobsFormat(steps[2]!)}`,
        `small loss`,
        'no change',
        'small gain',
        `+${jobsFormat(steps[2]!)} to +${jobsFormat(steps[1]!)}`,
        `+${jobsFormat(steps[1]!)} or more`,
      ],
      unit: 'jobs',
      diverging: true,
    };
  }
  if (!jobs)
    return {
      breaks: TIME_BREAKS,
      colors: TIME_COLORS,
      labels: rangeLabels(TIME_BREAKS, 'min', String),
      unit: 'min',
      diverging: false,
    };
  const values = baselineValues ?? new Float64Array([0]);
  const breaks = [0.2, 0.4, 0.6, 0.8, 0.95].map((q) => niceCeil(quantile(values, q)));
  const unique = breaks.map((b, k) => (k > 0 && b <= breaks[k - 1]! ? breaks[k - 1]! * 2 : b));
  for (let k = 1; k < unique.length; k++) if (unique[k]! <= unique[k - 1]!) unique[k] = unique[k - 1]! * 2;
  return {
    breaks: unique,
    colors: JOBS_COLORS,
    labels: rangeLabels(unique, 'jobs', jobsFormat),
    unit: 'jobs',
    diverging: false,
  };
}

/** The class of a value: 0 … colors.length − 1, or NO_PATH. Differences of exactly 0 fall in the middle class. */
export function classify(value: number, scale: Scale): number {
  if (!Number.isFinite(value)) return NO_PATH;
  const b = scale.breaks;
  if (scale.diverging) {
    for (let k = 0; k < b.length; k++) if (value < b[k]! || (k >= b.length / 2 && value < b[k]!)) return k;
    return b.length;
  }
  for (let k = 0; k < b.length; k++) if (value <= b[k]!) return k;
  return b.length;
}

function quantile(values: Float64Array, q: number): number {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return 0;
  return finite[Math.min(finite.length - 1, Math.floor(q * finite.length))]!;
}
