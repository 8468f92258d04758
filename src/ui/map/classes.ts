import type { ChangeClasses, Metric, MetricUnit } from '../../domain/metrics';
import { t } from '../i18n';
import '../panels/strings';
import { lang, type ViewMode } from '../state/store';

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
  unit: MetricUnit;
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
/** The colours of each palette a metric's classes name (domain/metrics.ts), one more than its breaks. */
const PALETTES: Record<Metric['classes']['palette'], string[]> = { time: TIME_COLORS, jobs: JOBS_COLORS };
/**
 * Change, gain (green) to loss (purple): ColorBrewer PRGn (colour-blind safe), neutral between: four
 * classes of change the better way, three the worse (ChangeClasses).
 */
const GAIN_COLORS = ['#00441b', '#1b7837', '#5aae61', '#a6dba0'];
const NEUTRAL_COLOR = '#f7f7f7';
const LOSS_COLORS = ['#c2a5cf', '#9970ab', '#762a83'];

/** How a change of each unit is said: less, more, and the neutral class ("within ±1 min"). */
const CHANGE_WORDS: Record<MetricUnit, { less: string; more: string; within: string }> = {
  min: { less: 'class.quicker', more: 'class.slower', within: 'class.within' },
  jobs: { less: 'class.fewerJobs', more: 'class.moreJobs', within: 'class.withinJobs' },
};

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

/** Numbers of a unit as class labels write them: minutes as they are, jobs short (20k, 2万). */
const FORMATS: Record<MetricUnit, (x: number) => string> = { min: String, jobs: jobsFormat };

/**
 * The magnitudes of change a metric's difference is classed by, better and worse side: fixed, or steps
 * of the before side's typical zone value (top = its quantile ÷ divide, rounded up to a nice number).
 */
function changeMagnitudes(c: ChangeClasses, beforeValues?: Float64Array) {
  if (c.kind === 'fixed') return { better: [...c.better], worse: [...c.worse] };
  const top = niceCeil(
    Math.max(1, ...(beforeValues ? [quantile(beforeValues, c.quantile) / c.divide] : [1000])),
  );
  return { better: c.better.map((d) => top / d), worse: c.worse.map((d) => top / d) };
}

/**
 * The scale for a metric in a view mode, labelled in the chosen language, as the metric's registry entry
 * says (domain/metrics.ts). Quantile classes (and relative change classes) are fixed by the before side
 * (nice numbers at its quantiles of zone values), so before, after and side by side read the same colours.
 */
export function scaleFor(metric: Metric, mode: ViewMode, beforeValues?: Float64Array): Scale {
  const unit = metric.unit;
  const format = FORMATS[unit];
  if (mode === 'difference') {
    const { better, worse } = changeMagnitudes(metric.change, beforeValues);
    const words = CHANGE_WORDS[unit];
    const say = (key: string) => (r: string) => t(key, { range: r });
    const neutral = t(words.within, {
      range: unit === 'min' ? `${better[0]} ${t('unit.min')}` : format(better[0]!),
    });
    // Below zero is less, above more: for a metric where lower is better, less is the gain (green).
    return metric.better === 'lower'
      ? diverging(
          better,
          worse,
          [...GAIN_COLORS, NEUTRAL_COLOR, ...LOSS_COLORS],
          {
            low: sideLabels(better, format, say(words.less)),
            neutral,
            high: sideLabels(worse, format, say(words.more)),
          },
          unit,
        )
      : diverging(
          worse,
          better,
          [...[...LOSS_COLORS].reverse(), NEUTRAL_COLOR, ...[...GAIN_COLORS].reverse()],
          {
            low: sideLabels(worse, format, say(words.less)),
            neutral,
            high: sideLabels(better, format, say(words.more)),
          },
          unit,
        );
  }
  const c = metric.classes;
  const breaks =
    c.kind === 'fixed'
      ? [...c.breaks]
      : c.quantiles.map((q) => niceCeil(quantile(beforeValues ?? new Float64Array([0]), q)));
  for (let k = 1; k < breaks.length; k++) if (breaks[k]! <= breaks[k - 1]!) breaks[k] = breaks[k - 1]! * 2;
  return {
    breaks,
    colors: PALETTES[c.palette],
    labels: rangeLabels(breaks, format, t(`unit.${unit}`)),
    unit,
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

/**
 * A value as the tooltip says it: minutes to a tenth, jobs whole, changes signed, no path in words. A
 * change that rounds to nothing is 0 ("0.0 min", never "−0.0" or "+0.0").
 */
export function formatValue(value: number, scale: Scale): string {
  if (!Number.isFinite(value)) return t('legend.noPath');
  const text = scale.unit === 'min' ? value.toFixed(1) : Math.round(value).toLocaleString();
  const shown = Number(text.replace(/[^\d.-]/g, ''));
  if (shown === 0) return `${scale.unit === 'min' ? '0.0' : '0'} ${t(`unit.${scale.unit}`)}`;
  return `${scale.diverging && shown > 0 ? '+' : ''}${text} ${t(`unit.${scale.unit}`)}`;
}

function quantile(values: Float64Array, q: number): number {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return 0;
  return finite[Math.min(finite.length - 1, Math.floor(q * finite.length))]!;
}
