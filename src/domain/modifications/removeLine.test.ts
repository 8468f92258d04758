import { describe, expect, it } from 'vitest';
import { ok, problems, run } from '../../../test/support/modules';
import { toyNetwork } from '../../../test/support/toy';
import { buildGraph } from '../../graph/graphology';
import { removeLine } from './removeLine';
import { throughRun } from './throughRun';

describe('remove-line', () => {
  it('removes the line and nothing else', () => {
    const base = toyNetwork();
    const net = ok(removeLine, base, { type: 'remove-line', line: 'M2' });
    expect(net.lines.map((l) => l.id)).toEqual(['M1', 'T']);
    expect(net.lines).toEqual(base.lines.filter((l) => l.id !== 'M2'));
    expect(net.stations).toEqual(base.stations); // D stays, simply no longer served
  });

  it('an unknown line, or one an earlier modification removed', () => {
    expect(problems(removeLine, toyNetwork(), { type: 'remove-line', line: 'M9' })).toEqual([
      { path: '$.modifications[0].line', message: 'unknown line "M9"' },
    ]);
    const { issues } = run(
      removeLine,
      toyNetwork(),
      { type: 'remove-line', line: 'M9' },
      { removedLines: new Map([['M9', 'modification 4 (remove-line)']]) },
    );
    expect(issues).toEqual([
      { path: '$.modifications[0].line', message: 'line "M9" was removed by modification 4 (remove-line)' },
    ]);
  });

  it('through trains of another line that ran on as the removed line now end where they became it', () => {
    // M1 runs through onto M2 at B: M1's trains A→B→D are served as M2 from B, and M2's D→B→A trains as
    // M1 from B. Removing M2 must leave no train running as M2: M1's through trains end at B.
    const base = toyNetwork();
    base.lines[0]!.patterns = base.lines[0]!.patterns.map((p) =>
      p.direction === 0
        ? { ...p, stops: ['A', 'B'], runSeconds: [300], dwellSeconds: [0, 0] }
        : { ...p, stops: ['B', 'A'], runSeconds: [300], dwellSeconds: [0, 0] },
    );
    const through = ok(throughRun, base, { type: 'through-run', from: 'M1', to: 'M2', station: 'B' });
    const m1 = through.lines.find((l) => l.id === 'M1')!;
    expect(m1.patterns.find((p) => p.id === 'through-M2')).toMatchObject({
      stops: ['A', 'B', 'D'],
      servedAs: [{ fromStop: 1, line: 'M2', direction: 0 }],
    });

    const net = ok(removeLine, through, { type: 'remove-line', line: 'M2' });
    expect(net.lines.map((l) => l.id)).toEqual(['M1', 'T']);
    const cut = net.lines[0]!.patterns.find((p) => p.id === 'through-M2')!;
    expect(cut).toMatchObject({
      direction: 0,
      stops: ['A', 'B'],
      runSeconds: [300],
      headways: { 'am-peak': 600 },
    });
    expect(cut.dwellSeconds).toHaveLength(2);
    expect(cut.servedAs ?? []).toEqual([]);
    // No train anywhere still runs as the removed line, and the graph builds.
    expect(
      net.lines.flatMap((l) => l.patterns.flatMap((p) => p.servedAs ?? [])).filter((s) => s.line === 'M2'),
    ).toEqual([]);
    expect(() => buildGraph(net, 'am-peak', 'all')).not.toThrow();
  });
});
