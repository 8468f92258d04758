import { z } from 'zod';
import { METRIC_FAMILIES, type MetricFamily } from '../../domain/metrics';

/**
 * The results document's metric figures, made from the metric registry (domain/metrics.ts): each metric
 * with a key in a place of the document gets that key, a number in its unit, or for a family per
 * accessibility threshold an object by threshold minutes. Adding a metric to the registry adds it here.
 */

export type Place = 'zone' | 'summary' | 'district';
/** A figure, or a change (after − before); a zone's time change is never null (no path counts as the cap). */
export type Role = 'value' | 'change' | 'zoneChange';

type Families = (typeof METRIC_FAMILIES)[number];
type KeyIn<F, P extends Place> = F extends { results: { [K in P]: infer Key extends string } } ? Key : never;
type Scalar<F, R extends Role> = F extends { unit: 'jobs' }
  ? z.ZodNumber
  : R extends 'zoneChange'
    ? z.ZodNumber
    : z.ZodNullable<z.ZodNumber>;
type Figure<F, R extends Role> = F extends { perThreshold: true }
  ? z.ZodRecord<z.ZodString, Scalar<F, R>>
  : Scalar<F, R>;
/** The shape of a place's figures, typed from the registry (so `doc.summary.baseline.jobsWithin` is known). */
type FigureShape<P extends Place, R extends Role> = { [F in Families as KeyIn<F, P>]: Figure<F, R> };

/** The figures of a place as the document holds them. */
export type Figures<P extends Place, R extends Role> = z.infer<z.ZodObject<FigureShape<P, R>>>;

/** A threshold in minutes, as the key of a per-threshold figure: "45", "22.5". */
export const thresholdKey = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .describe(
    "An accessibility threshold in minutes, one of the network's assumptions.metrics.accessibilityMinutes.",
  );

function one(f: MetricFamily, role: Role): z.ZodType {
  const what = f.label.en.replace('{minutes}', 'N');
  if (f.unit === 'jobs')
    return role === 'value'
      ? z.number().min(0).describe(`${what}: jobs, ≥ 0.`)
      : z.number().describe(`${what}: change in jobs, after − before.`);
  if (role === 'value')
    return z
      .number()
      .min(0)
      .nullable()
      .describe(`${what}: minutes, ≥ 0; null when there is no path (or no core).`);
  if (role === 'zoneChange')
    return z.number().describe(`${what}: minutes, after − before, no path counted as the time cap.`);
  return z.number().nullable().describe(`${what}: minutes, after − before; null when a side has none.`);
}

/** The figures of `place` in `role`, keyed as the registry says, in registry order. */
export function figureShape<P extends Place, R extends Role>(place: P, role: R): FigureShape<P, R> {
  const families: readonly MetricFamily[] = METRIC_FAMILIES;
  const shape: Record<string, z.ZodType> = {};
  for (const f of families) {
    const key = f.results?.[place];
    if (key === undefined) continue;
    shape[key] = f.perThreshold
      ? z
          .record(thresholdKey, one(f, role))
          .describe(
            `${f.label.en.replace('{minutes}', 'N')}, by threshold N in minutes, e.g. {"30": …, "45": …}.`,
          )
      : one(f, role);
  }
  return shape as FigureShape<P, R>;
}
