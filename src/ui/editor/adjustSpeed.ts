import type { AdjustSpeed, Scenario } from '../../domain/scenario';
import { nextModificationId } from './ids';

/** 20 % faster over the whole line: a typical first guess the planner then tunes. */
export function newAdjustSpeed(scenario: Scenario, line: string): AdjustSpeed {
  return { type: 'adjust-speed', id: nextModificationId(scenario), line, speedFactor: 1.2 };
}

export function withLine(mod: AdjustSpeed, line: string): AdjustSpeed {
  const { from: _f, to: _t, ...rest } = mod;
  return { ...rest, line };
}

export function withFactor(mod: AdjustSpeed, speedFactor: number): AdjustSpeed {
  return { ...mod, speedFactor };
}

/** Whole line (both ends undefined) or the segment between two stations. */
export function withSegment(mod: AdjustSpeed, from: string | undefined, to: string | undefined): AdjustSpeed {
  const { from: _f, to: _t, ...rest } = mod;
  return { ...rest, ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

/**
 * A station clicked on the map: the first click sets the segment's start, the second its end; a click
 * once both are set starts a new segment there. A station off the line is ignored.
 */
export function pickSegmentEnd(mod: AdjustSpeed, station: string, lineStops: readonly string[]): AdjustSpeed {
  if (!lineStops.includes(station)) return mod;
  if (mod.from === undefined || mod.to !== undefined) return withSegment(mod, station, undefined);
  if (station === mod.from) return mod;
  return withSegment(mod, mod.from, station);
}
