import type { Headways } from '../../domain/line';

/**
 * Editors show minutes; files hold seconds. Values are rounded to the millisecond so that 2.5 min is 150 s
 * and not 150.00000000000003.
 */
export const minutesToSeconds = (minutes: number): number => Math.round(minutes * 60 * 1000) / 1000;
export const secondsToMinutes = (seconds: number): number => Math.round((seconds / 60) * 1000) / 1000;

/**
 * Headways with one period set (minutes) or, for null, removed: an empty field means no service in that
 * period, which is what a file without the period says.
 */
export function withHeadway(headways: Headways, period: string, minutes: number | null): Headways {
  const next = { ...headways };
  if (minutes === null) delete next[period];
  else next[period] = minutesToSeconds(minutes);
  return next;
}

/** Optional seconds field from optional minutes: null clears it. */
export function optionalSeconds(minutes: number | null): number | undefined {
  return minutes === null ? undefined : minutesToSeconds(minutes);
}

/** A copy of `obj` without the keys whose value is undefined (files never hold `undefined`). */
export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
