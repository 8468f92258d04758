import { describe, expect, it } from 'vitest';
import { applied, network } from '../../test/support/fixtures';
import { toyNetwork } from '../../test/support/toy';
import { Router } from '../engine/router';
import { buildSpec, type GraphSpec } from './build';
import { compile } from './compile';
import { NO_PARTS } from './cost';
import { checkLimits, MAX_LEG_COST, MAX_LEG_SECONDS, MAX_PATH_COST } from './limits';

const spec = () => buildSpec(toyNetwork(), 'am-peak');

/** The spec with edge `k`'s attributes changed. */
function edited(s: GraphSpec, kind: string, change: (e: GraphSpec['edges'][number]) => void): GraphSpec {
  const k = s.edges.findIndex((e) => e.kind === kind);
  expect(k).toBeGreaterThanOrEqual(0);
  change(s.edges[k]!);
  return s;
}

const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('engine limits (checked where parts are compiled)', () => {
  it('the limits keep every edge inside Int32 and every path sum exact in float64', () => {
    expect(MAX_LEG_SECONDS).toBeLessThan(2 ** 31);
    // The longest ride a valid file can describe: 999 runs of a day and 998 dwells of 2 h.
    expect(999 * 86_400 + 998 * 7200).toBeLessThan(MAX_LEG_SECONDS);
    // Weights ≤ 10 and a boarding penalty ≤ 1 h on the longest leg stay below the cost limit.
    expect(10 * MAX_LEG_SECONDS + 3600).toBeLessThan(MAX_LEG_COST);
    expect(MAX_PATH_COST * 64).toBeLessThanOrEqual(2 ** 53);
  });

  it('a valid network compiles', () => {
    expect(() => checkLimits(spec())).not.toThrow();
  });

  it('compounded speed factors: the run named in a planner’s words, no internal keys', () => {
    // Nine adjust-speed changes of 0.1 make M1's 300-s run 3e11 s: each change is valid alone.
    const slow = applied(
      toyNetwork(),
      ...Array.from({ length: 9 }, () => ({ type: 'adjust-speed' as const, line: 'M1', speedFactor: 0.1 })),
    );
    const e = thrown(() => compile(buildSpec(slow, 'am-peak')));
    expect(e.name).toBe('GraphError');
    expect(e.message).toMatch(
      /^The (run|ride) of line "M1" \(direction [01]\) from station "[ABC]" to station "[ABC]" takes 9\.51e\+3 years \(ride\), more than the 4\.3 years the engine allows for one leg: check its run and dwell times and speeds \(adjust-speed factors multiply/,
    );
    expect(e.message).not.toContain('\u0000');
  });

  it('each kind of leg is named; non-integer or negative parts are internal errors', () => {
    const cases: [string, (e: GraphSpec['edges'][number]) => void, RegExp][] = [
      [
        'access',
        (e) => (e.walk = MAX_LEG_SECONDS + 1),
        /^The way from zone "Z[12]" into station "\w+" takes .* \(walk\)/,
      ],
      [
        'transfer',
        (e) => (e.transfer = 2 ** 40),
        /^The change at station "\w+" from line "\w+" to line "\w+" at station "\w+" takes .* check the transfer rules$/,
      ],
      ['exit', (e) => (e.processing = 2 ** 30), /^Leaving station "\w+" takes .* \(processing\)/],
      [
        'board-train',
        (e) => (e.wait = 1e12),
        /^Boarding of line "\w+" \(direction [01]\) at station "\w+" takes .* check the headways/,
      ],
      [
        'access',
        (e) => (e.bus = 2 ** 28),
        /^The way from zone "Z[12]" into station "\w+" takes .* \(bus\), .*: check the bus and feeder speeds/,
      ],
      [
        'egress',
        (e) => (e.weight = MAX_LEG_COST * 2),
        /^The way from station "\w+" to zone "Z[12]" is perceived as/,
      ],
      [
        'dwell',
        (e) => (e.ride = -1),
        /^The dwell of line "M1" \(direction [01]\) at station "B" has a ride time of -1 s: not whole seconds ≥ 0 \(an internal error\)$/,
      ],
      ['run', (e) => (e.ride = 0.5), /has a ride time of 0\.5 s: not whole seconds/],
      [
        'egress',
        (e) => (e.weight = Number.NaN),
        /^The way from station "\w+" to zone "Z[12]" has a perceived cost of NaN/,
      ],
    ];
    for (const [kind, change, message] of cases) {
      const e = thrown(() => checkLimits(edited(spec(), kind, change)));
      expect(e.name, kind).toBe('GraphError');
      expect(e.message, kind).toMatch(message);
      expect(e.message).not.toContain('\u0000');
    }
  });

  it('refuses a graph whose dearest path could outgrow exact sums', () => {
    // 2^16 + 1 nodes in a chain, each out-edge at the cost limit: Σ ≥ 2^47.
    const n = 2 ** 16 + 2;
    const s: GraphSpec = {
      ...buildSpec(network({ zones: [], stations: [], lines: [] }), 'am-peak'),
      nodeKeys: [],
      nodes: [],
      edgeSource: [],
      edgeTarget: [],
      edges: [],
    };
    for (let k = 0; k < n; k++) {
      s.nodeKeys.push(`n${k}`);
      s.nodes.push({ kind: 'entered', ref: `s${k}` });
      if (k > 0) {
        s.edgeSource.push(k - 1);
        s.edgeTarget.push(k);
        s.edges.push({
          ...NO_PARTS,
          time: 0,
          weight: MAX_LEG_COST,
          kind: 'board',
        });
      }
    }
    expect(thrown(() => checkLimits(s)).message).toMatch(/^the network is too large for exact sums/);
  });

  it('times and costs the engine adds stay finite and ≥ 0 at the limit', () => {
    // A leg right at the limit still routes: no wrap, exact sums.
    const s = edited(spec(), 'run', (e) => {
      e.ride = MAX_LEG_SECONDS;
      e.time = MAX_LEG_SECONDS;
      e.weight = MAX_LEG_SECONDS;
    });
    const g = compile(s);
    expect(Math.max(...g.edgeTime)).toBe(MAX_LEG_SECONDS);
    const r = new Router(g);
    const t = new Float64Array(g.zoneCount);
    const c = new Float64Array(g.zoneCount);
    r.row(0, t, c);
    for (const x of t) expect(x).toBeGreaterThanOrEqual(0);
  });
});
