import type { Line } from '../../domain/line';
import { referencePattern } from '../../domain/patternOps';
import type { ExtendLine, Scenario, StopRef } from '../../domain/scenario';
import type { LineEnv } from './addLine';
import { nextModificationId } from './ids';
import { coordLookup, LAYER_DEFAULTS } from './lineDefaults';
import { estimateRun, estimateRuns, syncRuns } from './runTimes';

export { withDwell, withRunMinutes, withSpeed } from './runTimes';

import { stopId } from './stops';

/** The station the extension starts from: the chosen end of the line's direction-0 route. */
export function terminusOf(line: Line | undefined, end: 'first' | 'last'): string | undefined {
  const ref = line && referencePattern(line, 0);
  if (!ref || ref.loop) return undefined;
  return end === 'last' ? ref.stops.at(-1) : ref.stops[0];
}

/** Extend `line` beyond its last stop at the line's typical speed; stops are placed on the map. */
export function newExtendLine(scenario: Scenario, line: Line): ExtendLine {
  return {
    type: 'extend-line',
    id: nextModificationId(scenario),
    line: line.id,
    end: 'last',
    stops: [],
    speedKmh: LAYER_DEFAULTS[line.layer].speedKmh,
  };
}

/** Another line, or the other end: the stops placed for the old terminus no longer follow from it. */
export function withLine(mod: ExtendLine, line: string): ExtendLine {
  return mod.line === line ? mod : { ...mod, line, stops: [], ...(mod.runSeconds && { runSeconds: [] }) };
}

export function withEnd(mod: ExtendLine, end: 'first' | 'last'): ExtendLine {
  return mod.end === end ? mod : { ...mod, end, stops: [], ...(mod.runSeconds && { runSeconds: [] }) };
}

/** Hops are terminus → first new stop → …, so explicit run times follow the list with the terminus in front. */
export function withStops(
  mod: ExtendLine,
  stops: StopRef[],
  terminus: string,
  env: LineEnv & { line?: Line },
): ExtendLine {
  if (mod.runSeconds === undefined) return { ...mod, stops };
  const coordOf = coordLookup(env.stations, mod.stops, stops);
  const speed = LAYER_DEFAULTS[env.line?.layer ?? 'suburban'].speedKmh;
  const runSeconds = syncRuns(
    mod.runSeconds,
    [terminus, ...mod.stops.map(stopId)],
    [terminus, ...stops.map(stopId)],
    (a, b) => {
      const ca = coordOf(a);
      const cb = coordOf(b);
      return ca && cb ? Math.max(1, estimateRun(ca, cb, speed, env.routeFactor)) : 60;
    },
  );
  return { ...mod, stops, runSeconds };
}

export function withExplicitRuns(
  mod: ExtendLine,
  terminus: string,
  env: LineEnv & { line?: Line },
): ExtendLine {
  const { speedKmh, ...rest } = mod;
  const speed = speedKmh ?? LAYER_DEFAULTS[env.line?.layer ?? 'suburban'].speedKmh;
  const ids = [terminus, ...mod.stops.map(stopId)];
  return {
    ...rest,
    runSeconds: estimateRuns(ids, coordLookup(env.stations, mod.stops), speed, env.routeFactor),
  };
}
