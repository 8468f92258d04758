import type { Line } from '../../domain/line';
import { referencePattern } from '../../domain/patternOps';
import type { Scenario, SetHeadway } from '../../domain/scenario';
import { nextModificationId } from './ids';
import { withHeadway } from './units';

/** New headways for `line`, starting from what its main pattern runs now. */
export function newSetHeadway(scenario: Scenario, line: Line): SetHeadway {
  const ref = referencePattern(line, 0) ?? line.patterns[0];
  return {
    type: 'set-headway',
    id: nextModificationId(scenario),
    line: line.id,
    headways: { ...(ref?.headways ?? {}) },
  };
}

/** Another line: its current headways, every pattern. */
export function withLine(mod: SetHeadway, line: Line): SetHeadway {
  const ref = referencePattern(line, 0) ?? line.patterns[0];
  const { patterns: _p, ...rest } = mod;
  return { ...rest, line: line.id, headways: { ...(ref?.headways ?? {}) } };
}

export function withHeadwayMinutes(mod: SetHeadway, period: string, minutes: number | null): SetHeadway {
  return { ...mod, headways: withHeadway(mod.headways, period, minutes) };
}

/**
 * Tick or untick one pattern id. No list means every pattern; ticking them all again returns to that, and
 * unticking the last one is refused (a set-headway for no pattern says nothing).
 */
export function togglePattern(mod: SetHeadway, patternId: string, allIds: readonly string[]): SetHeadway {
  const unique = [...new Set(allIds)];
  const current = new Set(mod.patterns ?? unique);
  if (current.has(patternId)) current.delete(patternId);
  else current.add(patternId);
  const { patterns: _p, ...rest } = mod;
  if (current.size === 0) return mod;
  if (unique.every((id) => current.has(id))) return rest;
  return { ...rest, patterns: unique.filter((id) => current.has(id)) };
}
