import type { Direction, Line } from '../../domain/line';
import { referencePattern } from '../../domain/patternOps';
import type { AddPattern, Scenario } from '../../domain/scenario';
import { nextModificationId, uniqueId } from './ids';
import { withHeadway } from './units';

/** The stops a pattern of `line` may call at, in direction-0 order: its longest direction-0 route. */
export function lineStops(line: Line | undefined): string[] {
  const ref = line && referencePattern(line, 0);
  return ref && !ref.loop ? [...ref.stops] : [];
}

function patternIdFor(line: Line, scenario: Scenario, base: string): string {
  const taken = new Set(line.patterns.map((p) => p.id));
  for (const m of scenario.modifications)
    if (m.type === 'add-pattern' && m.line === line.id) taken.add(m.pattern?.id);
  return uniqueId(base, taken);
}

/**
 * An express pattern (大站直达) on `line`: it starts calling everywhere and the planner unticks the stops
 * it passes; at the line's own headways until changed.
 */
export function newAddPattern(scenario: Scenario, line: Line): AddPattern {
  const ref = referencePattern(line, 0);
  return {
    type: 'add-pattern',
    id: nextModificationId(scenario),
    line: line.id,
    pattern: {
      id: patternIdFor(line, scenario, 'express'),
      stops: lineStops(line),
      headways: { ...ref?.headways },
    },
  };
}

export function withLine(mod: AddPattern, line: Line, scenario: Scenario): AddPattern {
  if (mod.line === line.id) return mod;
  return {
    ...mod,
    line: line.id,
    pattern: { ...mod.pattern, id: patternIdFor(line, scenario, mod.pattern.id), stops: lineStops(line) },
  };
}

/** Tick or untick a stop; the list stays in the line's order. */
export function toggleStop(mod: AddPattern, station: string, stops: readonly string[]): AddPattern {
  if (!stops.includes(station)) return mod;
  const current = new Set(mod.pattern.stops);
  if (current.has(station)) current.delete(station);
  else current.add(station);
  return { ...mod, pattern: { ...mod.pattern, stops: stops.filter((s) => current.has(s)) } };
}

/** A short turn: every stop from `from` to `to` along the line (either order), none outside. */
export function shortTurn(mod: AddPattern, from: string, to: string, stops: readonly string[]): AddPattern {
  const a = stops.indexOf(from);
  const b = stops.indexOf(to);
  if (a < 0 || b < 0) return mod;
  return { ...mod, pattern: { ...mod.pattern, stops: stops.slice(Math.min(a, b), Math.max(a, b) + 1) } };
}

export function withPatternId(mod: AddPattern, id: string): AddPattern {
  return { ...mod, pattern: { ...mod.pattern, id } };
}

export function withHeadwayMinutes(mod: AddPattern, period: string, minutes: number | null): AddPattern {
  return {
    ...mod,
    pattern: { ...mod.pattern, headways: withHeadway(mod.pattern.headways, period, minutes) },
  };
}

/** One direction, or both (undefined: the default, left out of the file). */
export function withDirection(mod: AddPattern, direction: Direction | undefined): AddPattern {
  const { direction: _d, ...pattern } = mod.pattern;
  return { ...mod, pattern: direction === undefined ? pattern : { ...pattern, direction } };
}
