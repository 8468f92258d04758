import { t } from '../i18n';
import '../panels/strings';
import { lang, type MetricId, type ViewMode } from '../state/store';

/**
 * A classed colour scale. Sequential: values ≤ breaks[0] get colors[0], …, above the last break the last
 * colour. Diverging: breaks ascend through zero; the class straddling zero (|value| below its edges) is the
 * neutral one, and each side counts outward with the lower magnitude included ("5–10 min quicker" holds a
 * change of exactly 5 min), so an unchanged zone is always neutral and the two sides mirror each other.
 */
export interface Scale {
  breaks: number[];
  colors: string[];
  /** Label of each class, e.g. "15–30 min", in the chosen language. */
  labels: string[];
  unit: 'min' | 'jobs';
  diverging: boolean;
}

export const NO_PATH_COLOR = '#c9c9c9';
export const NO_DATA_COLOR = 'rgba(0,0,0,0)';
export const NO_PATH = -1;
/** The class of a zone with no value to show (nothing selected yet): drawn transparent. */
export const NO_DATA = -2;

/**
 * Minutes, quick (dark green) to slow (dark red): ColorBrewer RdYlGn (11 classes), reversed, without its
 * palest middle so the hour line (60 min) is where green turns yellow. Past 90 min it keeps going
 * (90–120, 120–150, > 150), so a region whose mean is ~100 min is not one red blur.
 */
const TIME_COLORS = [
  '#006837',
  '#1a9850',
  '#66bd63',
  '#a6d96a',
  '#fee08b',
  '#fdae61',
  '#f46d43',
  '#d73027',
  '#a50026',
];
/** Jobs reachable, few (light) to many (dark): ColorBrewer PuBu. */
const JOBS_COLORS = ['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#045a8d'];
/**
 * Change, gain (green) to loss (purple): ColorBrewer PRGn (colour-blind safe), neutral between. Time
 * changes have four gain classes (quicker) and three loss classes; job changes the mirror image.
 */
const GAIN_COLORS = ['#00441b', '#1b7837', '#5aae61', '#a6dba0'];
const NEUTRAL_COLOR = '#f7f7f7';
const LOSS_COLORS = ['#c2a5cf', '#9970ab', '#762a83'];

export const TIME_BREAKS = [15, 30, 45, 60, 75, 90, 120, 150];
/** Minutes of change: gains of at least 1, 5, 10, 20 min; losses of at least 1, 5, 10 min. */
const TIME_CHANGE_GAINS = [1, 5, 10, 20];
const TIME_CHANGE_LOSSES = [1, 5, 10];

const minutes = (x: number) => `${x} ${t('unit.min')}`;

/** A round number of jobs, short: 20k, 1.5M; in Chinese by 万 (ten thousand): 2万, 150万. */
export function jobsFormat(x: number): string {
  const short = (v: number, unit: string) => `${Number(v.toFixed(v % 1 === 0 ? 0 : 1))}${unit}`;
  if (lang.value === 'zh') return x >= 1e4 ? short(x / 1e4, '万') : String(x);
  return x >= 1e6 ? short(x / 1e6, 'M') : x >= 1e3 ? short(x / 1e3, 'k') : String(x);
}

function rangeLabels(breaks: number[], format: (x: number) => string, unit: string): string[] {
  return [
    `≤ ${format(breaks[0]!)} ${unit}`,
    ...breaks.slice(1).map((b, k) => `${format(breaks[k]!)}–${format(b)} ${unit}`),
    `> ${format(breaks.at(-1)!)} ${unit}`,
  ];
}

/** 1, 2, 5 × 10^n at or above x. */
export function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x)!;
}

/**
 * Labels of one side of a diverging scale, from the neutral class outward: for magnitudes [1, 5, 10]
 * "1–5", "5–10", "≥ 10", each through `say` (which adds the direction and the unit).
 */
function sideLabels(magnitudes: number[], format: (x: number) => string, say: (range: string) => string) {
  return magnitudes.map((m, k) =>
    say(k + 1 < magnitudes.length ? `${format(m)}–${format(magnitudes[k + 1]!)}` : `≥ ${format(m)}`),
  );
}

/** A diverging scale: `low` magnitudes below zero (outermost first in the result), `high` above. */
function diverging(
  low: number[],
  high: number[],
  colors: string[],
  labels: { low: string[]; neutral: string; high: string[] },
  unit: Scale['unit'],
): Scale {
  return {
    breaks: [...[...low].reverse().map((m) => -m), ...high],
    colors,
    labels: [...[...labels.low].reverse(), labels.neutral, ...labels.high],
    unit,
    diverging: true,
  };
}

/**
 * The scale for a metric in a view mode, labelled in the chosen language. Job scales are fixed by the
 * baseline (nice numbers at its quantiles of zone values), so before, after and side by side read the
 * same colours.
 */
export function scaleFor(metric: MetricId, mode: ViewMode, baselineValues?: Float64Array): Scale {
  const jobs = metric.startsWith('jobs-');
  if (mode === 'difference') {
    if (!jobs)
      return diverging(
        TIME_CHANGE_GAINS,
        TIME_CHANGE_LOSSES,
        [...GAIN_COLORS, NEUTRAL_COLOR, ...LOSS_COLORS],
        {
          low: sideLabels(TIME_CHANGE_GAINS, String, (r) => t('class.quicker', { range: r })),
          neutral: t('class.within', { range: minutes(TIME_CHANGE_GAINS[0]!) }),
          high: sideLabels(TIME_CHANGE_LOSSES, String, (r) => t('class.slower', { range: r })),
        },
        'min',
      );
    // Gains and losses of jobs in steps of the baseline's typical zone value: top/50, top/5, top/2, top.
    const top = niceCeil(Math.max(1, ...(baselineValues ? [quantile(baselineValues, 0.9) / 5] : [1000])));
    const gains = [top / 50, top / 5, top / 2, top];
    const losses = gains.slice(0, 3);
    return diverging(
      losses,
      gains,
      [...[...LOSS_COLORS].reverse(), NEUTRAL_COLOR, ...[...GAIN_COLORS].reverse()],
      {
        low: sideLabels(losses, jobsFormat, (r) => t('class.fewerJobs', { range: r })),
        neutral: t('class.withinJobs', { range: jobsFormat(gains[0]!) }),
        high: sideLabels(gains, jobsFormat, (r) => t('class.moreJobs', { range: r })),
      },
      'jobs',
    );
  }
  if (!jobs)
    return {
      breaks: TIME_BREAKS,
      colors: TIME_COLORS,
      labels: rangeLabels(TIME_BREAKS, String, t('unit.min')),
      unit: 'min',
      diverging: false,
    };
  const values = baselineValues ?? new Float64Array([0]);
  const breaks = [0.2, 0.4, 0.6, 0.8, 0.95].map((q) => niceCeil(quantile(values, q)));
  for (let k = 1; k < breaks.length; k++) if (breaks[k]! <= breaks[k - 1]!) breaks[k] = breaks[k - 1]! * 2;
  return {
    breaks,
    colors: JOBS_COLORS,
    labels: rangeLabels(breaks, jobsFormat, t('unit.jobs')),
    unit: 'jobs',
    diverging: false,
  };
}

/** The class of a value: 0 … colors.length − 1, or NO_PATH. A change of exactly 0 is always neutral. */
export function classify(value: number, scale: Scale): number {
  if (!Number.isFinite(value)) return NO_PATH;
  const b = scale.breaks;
  if (scale.diverging) {
    const neutral = b.findIndex((x) => x > 0);
    let k = neutral;
    if (value < 0) while (k > 0 && value <= b[k - 1]!) k--;
    else while (k < b.length && value >= b[k]!) k++;
    return k;
  }
  for (let k = 0; k < b.length; k++) if (value <= b[k]!) return k;
  return b.length;
}

/** A value as the tooltip says it: minutes to a tenth, jobs whole, changes signed, no path in words. */
export function formatValue(value: number, scale: Scale): string {
  if (!Number.isFinite(value)) return t('legend.noPath');
  const sign = scale.diverging && value > 0 ? '+' : '';
  return scale.unit === 'min'
    ? `${sign}${value.toFixed(1)} ${t('unit.min')}`
    : `${sign}${Math.round(value).toLocaleString()} ${t('unit.jobs')}`;
}

function quantile(values: Float64Array, q: number): number {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return 0;
  return finite[Math.min(finite.length - 1, Math.floor(q * finite.length))]!;
}
