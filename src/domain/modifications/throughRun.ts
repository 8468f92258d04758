import type { Headways, Line, ServicePattern } from '../line';
import type { Network } from '../network';
import { frequency } from '../patternOps';
import type { ThroughRun } from '../scenario';
import type { ResolveContext } from './context';
import type { ModificationModule } from './module';

/** Frequencies below this are no service (1 train in ~30 years). */
const NO_SERVICE = 1e-9;

interface Junction {
  /** Patterns of the first line that end at the junction, the same direction as the longest. */
  feeders: ServicePattern[];
  /** Patterns of the second line that start there. */
  starters: ServicePattern[];
  first: Line;
  second: Line;
}

function sameDirectionAsLongest(patterns: ServicePattern[]): ServicePattern[] {
  if (patterns.length === 0) return patterns;
  const longest = patterns.reduce((a, b) => (b.stops.length > a.stops.length ? b : a));
  return patterns.filter((p) => p.direction === longest.direction);
}

function junction(first: Line, second: Line, station: string): Junction | undefined {
  const feeders = sameDirectionAsLongest(first.patterns.filter((p) => !p.loop && p.stops.at(-1) === station));
  const starters = sameDirectionAsLongest(second.patterns.filter((p) => !p.loop && p.stops[0] === station));
  return feeders.length > 0 && starters.length > 0 ? { feeders, starters, first, second } : undefined;
}

/**
 * The pattern the through trains follow on one line: its main service, the most trains over the periods
 * (then the most stops, then the id). Not simply the longest: a line whose longest pattern already runs
 * through onto a third line (房山线 → 9号线) must not send the new through trains there too.
 */
function main(ps: ServicePattern[], periods: string[]): ServicePattern {
  const trains = (p: ServicePattern) => periods.reduce((f, id) => f + frequency(p.headways[id]), 0);
  return ps.reduce((a, b) => {
    const d = trains(b) - trains(a);
    if (Math.abs(d) > NO_SERVICE) return d > 0 ? b : a;
    if (b.stops.length !== a.stops.length) return b.stops.length > a.stops.length ? b : a;
    return b.id < a.id ? b : a;
  });
}

/** Total frequency of `ps` per period. */
function frequencies(ps: ServicePattern[], periods: string[]): Map<string, number> {
  return new Map(periods.map((id) => [id, ps.reduce((f, p) => f + frequency(p.headways[id]), 0)]));
}

/**
 * Take `f` trains per second from `ps`, from `first` (the pattern the through trains follow) and then the
 * most frequent; returns the patterns with what is left.
 */
function takeFrequency(
  ps: ServicePattern[],
  first: ServicePattern,
  period: string,
  f: number,
): Map<string, ServicePattern> {
  const out = new Map<string, ServicePattern>();
  let left = f;
  const rank = (p: ServicePattern) => (p.id === first.id && p.direction === first.direction ? 1 : 0);
  const order = [...ps].sort(
    (a, b) => rank(b) - rank(a) || frequency(b.headways[period]) - frequency(a.headways[period]),
  );
  for (const p of order) {
    const have = frequency(p.headways[period]);
    const take = Math.min(left, have);
    left -= take;
    const rest = have - take;
    const headways: Headways = { ...p.headways };
    if (rest > NO_SERVICE) headways[period] = 1 / rest;
    else delete headways[period];
    out.set(`${p.direction}/${p.id}`, { ...p, headways });
  }
  return out;
}

/** The through train: the main feeder, then the main starter; the junction stop is served as the second line. */
function splice(
  j: Junction,
  a: ServicePattern,
  b: ServicePattern,
  id: string,
  headways: Headways,
  dwell: number,
): ServicePattern {
  const k = a.stops.length - 1;
  const junctionDwell = Math.max(a.dwellSeconds[k]!, b.dwellSeconds[0]!);
  return {
    id,
    direction: a.direction,
    headsign: b.headsign,
    stops: [...a.stops, ...b.stops.slice(1)],
    runSeconds: [...a.runSeconds, ...b.runSeconds],
    dwellSeconds: [
      ...a.dwellSeconds.slice(0, k),
      junctionDwell > 0 ? junctionDwell : dwell,
      ...b.dwellSeconds.slice(1),
    ],
    headways,
    servedAs: [
      ...(a.servedAs ?? []),
      { fromStop: k, line: j.second.id, direction: b.direction },
      ...(b.servedAs ?? []).map((s) => ({ ...s, fromStop: s.fromStop + k })),
    ],
  };
}

function resolveJunction(
  j: Junction,
  mod: ThroughRun,
  ctx: ResolveContext,
): { headways: Headways; apply: (net: Network) => Network } | undefined {
  const start = ctx.issues.length;
  const periods = ctx.network.periods.map((p) => p.id);
  const fFirst = frequencies(j.feeders, periods);
  const fSecond = frequencies(j.starters, periods);
  const through = new Map<string, number>();
  for (const period of periods) {
    const available = Math.min(fFirst.get(period)!, fSecond.get(period)!);
    const given = mod.headways?.[period];
    if (given === undefined) {
      if (mod.headways === undefined && available > NO_SERVICE) through.set(period, available);
      continue;
    }
    if (given * available < 1 - 1e-9) {
      ctx.issue(
        ['headways', period],
        available > NO_SERVICE
          ? `through trains every ${given} s are more than the ${Math.round(1 / available)} s service the lines run at "${mod.station}"`
          : `lines "${mod.from}" and "${mod.to}" do not both run at "${mod.station}" in "${period}"`,
      );
    } else through.set(period, 1 / given);
  }
  if (through.size === 0) {
    // Only when no period was refused above: then the lines really do not both run.
    if (ctx.issues.length === start)
      ctx.issue('headways', 'the lines do not both run in any period, so no train can run through');
    return undefined;
  }
  const headways: Headways = Object.fromEntries([...through].map(([p, f]) => [p, 1 / f]));
  const id = `through-${j.second.id}`;
  const feeder = main(j.feeders, periods);
  const starter = main(j.starters, periods);
  if (j.first.patterns.some((p) => p.id === id && p.direction === feeder.direction)) {
    return void ctx.issue('to', `line "${j.first.id}" already runs through to "${j.second.id}"`);
  }
  const pattern = splice(
    j,
    feeder,
    starter,
    id,
    headways,
    ctx.assumptions.layers[j.first.layer].dwellSeconds,
  );
  const apply = (net: Network): Network => {
    let firstRest = new Map<string, ServicePattern>();
    let secondRest = new Map<string, ServicePattern>();
    let feeders = j.feeders;
    let starters = j.starters;
    for (const [period, f] of through) {
      firstRest = takeFrequency(feeders, feeder, period, f);
      secondRest = takeFrequency(starters, starter, period, f);
      feeders = [...firstRest.values()];
      starters = [...secondRest.values()];
    }
    const reduced = (l: Line, rest: Map<string, ServicePattern>) =>
      l.patterns
        .map((p) => rest.get(`${p.direction}/${p.id}`) ?? p)
        .filter((p) => Object.keys(p.headways).length > 0);
    return {
      ...net,
      lines: net.lines.map((l) => {
        if (l.id === j.first.id) return { ...l, patterns: [...reduced(l, firstRest), pattern] };
        if (l.id === j.second.id) return { ...l, patterns: reduced(l, secondRest) };
        return l;
      }),
    };
  };
  return { headways, apply };
}

/**
 * Join two lines at a station where one ends and the other begins: some (by default as many as the less
 * frequent line runs) of the trains continue, so riders stay on board. The through trains are taken from
 * the lines' own service, so the frequency on each line is unchanged. Both directions where both lines
 * run both ways. The through pattern belongs to `from`; riders on `to`'s stops see it as `to`.
 */
export const throughRun: ModificationModule<ThroughRun> = {
  type: 'through-run',
  order: 60,
  resolve(mod, ctx) {
    const a = ctx.line(mod.from, 'from');
    const b = ctx.line(mod.to, 'to');
    const x = ctx.station(mod.station, 'station');
    if (!a || !b || !x) return undefined;
    if (a.id === b.id) return void ctx.issue('to', 'a line cannot run through onto itself');
    if (mod.headways !== undefined) ctx.headways(mod.headways, 'headways');
    const forward = junction(a, b, x.id);
    if (!forward) {
      return void ctx.issue(
        'station',
        `"${x.id}" is not where line "${a.id}" ends and line "${b.id}" begins`,
      );
    }
    const backward = junction(b, a, x.id);
    const before = ctx.issues.length;
    const there = resolveJunction(forward, mod, ctx);
    // The return trains, if both lines run back: from the second line onto the first.
    const checked = ctx.issues.length;
    const back = backward ? resolveJunction(backward, mod, ctx) : undefined;
    // The return trains go through the same checks: report only what they add.
    const said = new Set(ctx.issues.slice(0, checked).map((i) => `${i.path}\u0000${i.message}`));
    const added = ctx.issues.splice(checked).filter((i) => !said.has(`${i.path}\u0000${i.message}`));
    ctx.issues.push(...added);
    if (!there || ctx.issues.length !== before) return undefined;
    return { apply: (net) => (back ? back.apply(there.apply(net)) : there.apply(net)) };
  },
};
