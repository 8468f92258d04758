import type { Network } from '../../domain/network';
import type { Scenario, ThroughRun } from '../../domain/scenario';
import { nextModificationId } from './ids';
import { withHeadway } from './units';

export interface Junction {
  from: string;
  to: string;
  station: string;
}

/**
 * Where two lines can be joined: a station where a (non-loop) pattern of one line ends and a pattern of
 * another begins. Each pair of lines is listed once per station (the resolver joins both directions).
 */
export function junctions(network: Network): Junction[] {
  const ends = new Map<string, Set<string>>();
  const starts = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, station: string, line: string) => {
    const set = m.get(station) ?? new Set<string>();
    set.add(line);
    m.set(station, set);
  };
  for (const line of network.lines) {
    for (const p of line.patterns) {
      if (p.loop || p.stops.length < 2) continue;
      add(ends, p.stops.at(-1)!, line.id);
      add(starts, p.stops[0]!, line.id);
    }
  }
  const out: Junction[] = [];
  const seen = new Set<string>();
  for (const [station, enders] of ends) {
    for (const from of enders) {
      for (const to of starts.get(station) ?? []) {
        const key = [from, to].sort().join('\u0000') + `\u0000${station}`;
        if (from === to || seen.has(key)) continue;
        seen.add(key);
        out.push({ from, to, station });
      }
    }
  }
  return out.sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.station.localeCompare(b.station),
  );
}

/** Through trains at a junction, as many as the less frequent line runs (headways left to the default). */
export function newThroughRun(scenario: Scenario, junction: Junction): ThroughRun {
  return { type: 'through-run', id: nextModificationId(scenario), ...junction };
}

export function withJunction(mod: ThroughRun, junction: Junction): ThroughRun {
  return { ...mod, ...junction };
}

/**
 * Headways of the through trains. The first value given turns the default (the less frequent line's
 * service in every period) into an explicit list; clearing the last returns to the default.
 */
export function withHeadwayMinutes(mod: ThroughRun, period: string, minutes: number | null): ThroughRun {
  const { headways, ...rest } = mod;
  const next = withHeadway(headways ?? {}, period, minutes);
  return Object.keys(next).length === 0 ? rest : { ...rest, headways: next };
}
