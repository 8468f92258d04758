import type { ServicePattern } from '../line';
import { referencePattern, shiftServedAs } from '../patternOps';
import type { ExtendLine } from '../scenario';
import type { ModificationModule } from './module';
import { resolveRunTimes } from './runTimes';

/** Continue a pattern past its last stop with `stops` (outward order) and their `runs`. */
function append(p: ServicePattern, stops: string[], runs: number[], dwell: number): ServicePattern {
  const dwells = [...p.dwellSeconds];
  dwells[dwells.length - 1] = dwells.at(-1)! > 0 ? dwells.at(-1)! : dwell;
  return {
    ...p,
    headsign: undefined,
    stops: [...p.stops, ...stops],
    runSeconds: [...p.runSeconds, ...runs],
    dwellSeconds: [...dwells, ...stops.map((_, k) => (k === stops.length - 1 ? 0 : dwell))],
  };
}

/** Start a pattern earlier: riders come in from the outermost of `stops` (outward order) towards its first stop. */
function prepend(p: ServicePattern, stops: string[], runs: number[], dwell: number): ServicePattern {
  const dwells = [...p.dwellSeconds];
  dwells[0] = dwells[0]! > 0 ? dwells[0]! : dwell;
  const inward = [...stops].reverse();
  return {
    ...p,
    stops: [...inward, ...p.stops],
    runSeconds: [...[...runs].reverse(), ...p.runSeconds],
    dwellSeconds: [...inward.map((_, k) => (k === 0 ? 0 : dwell)), ...dwells],
    servedAs: shiftServedAs(p.servedAs, 0, stops.length),
  };
}

/**
 * Extend a line beyond one terminus of its direction-0 route. Every pattern that ends (or, in the other
 * direction, starts) at that terminus runs on to the new stops; short turns are unchanged.
 */
export const extendLine: ModificationModule<ExtendLine> = {
  type: 'extend-line',
  order: 40,
  resolve(mod, ctx) {
    const line = ctx.line(mod.line, 'line');
    if (!line) return undefined;
    const ref = referencePattern(line, 0);
    if (!ref) return void ctx.issue('line', `line "${line.id}" has no direction-0 pattern to extend`);
    if (ref.loop) return void ctx.issue('line', `line "${line.id}" is a loop and has no terminus to extend`);
    if (mod.end !== 'first' && mod.end !== 'last')
      return void ctx.issue('end', `end must be "first" or "last", got ${JSON.stringify(mod.end)}`);
    if (!Array.isArray(mod.stops) || mod.stops.length === 0)
      return void ctx.issue('stops', 'give at least one new stop');
    const terminus = mod.end === 'last' ? ref.stops.at(-1)! : ref.stops[0]!;
    const resolved = ctx.stops(mod.stops, 'stops', line.layer);
    if (!resolved) return undefined;
    const onLine = new Set(line.patterns.flatMap((p) => p.stops));
    let clash = false;
    resolved.stations.forEach((s, k) => {
      if (onLine.has(s.id)) {
        ctx.issue(['stops', k], `station "${s.id}" is already on line "${line.id}"`);
        clash = true;
      }
    });
    if (clash) return undefined;
    const times = resolveRunTimes(
      mod,
      [ctx.index.station.get(terminus)!, ...resolved.stations],
      line.layer,
      ctx,
    );
    if (!times) return undefined;
    const outward = resolved.stations.map((s) => s.id);

    const extend = (p: ServicePattern): ServicePattern => {
      if (p.loop) return p;
      const outwardAtEnd = (p.direction === 0) === (mod.end === 'last');
      if (outwardAtEnd && p.stops.at(-1) === terminus) return append(p, outward, times.runs, times.dwell);
      if (!outwardAtEnd && p.stops[0] === terminus) return prepend(p, outward, times.runs, times.dwell);
      return p;
    };
    return {
      apply: (net) => ({
        ...net,
        stations: [...net.stations, ...resolved.created],
        lines: net.lines.map((l) => (l.id === line.id ? { ...l, patterns: l.patterns.map(extend) } : l)),
      }),
    };
  },
};
