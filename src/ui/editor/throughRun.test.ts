import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith, toy } from '../../../test/support/editorToy';
import { junctions, newThroughRun, withHeadwayMinutes, withJunction } from './throughRun';

describe('through-run editor', () => {
  it('offers the junctions of the network, each pair of lines once per station', () => {
    // Toyton: s1, ic and t1 all end and start at the railway station; ic and t1 also meet at Twin City.
    expect(junctions(toy)).toEqual([
      { from: 'ic', to: 't1', station: 'toyton-rail' },
      { from: 'ic', to: 't1', station: 'twin-city' },
      { from: 's1', to: 'ic', station: 'toyton-rail' },
      { from: 's1', to: 't1', station: 'toyton-rail' },
    ]);
  });

  it('makes a through-run that applies at every junction it offers', () => {
    for (const j of junctions(toy)) {
      const mod = newThroughRun(scenarioWith(), j);
      expect(mod).toEqual({ type: 'through-run', id: 'mod-1', ...j });
      expectApplies(mod);
    }
  });

  it('gives explicit headways only once a period is set, and returns to the default when all are cleared', () => {
    const j = junctions(toy).find((x) => x.station === 'toyton-rail' && [x.from, x.to].includes('s1'))!;
    let mod = newThroughRun(scenarioWith(), j);
    mod = withHeadwayMinutes(mod, 'am-peak', 30);
    expect(mod.headways).toEqual({ 'am-peak': 1800 });
    expectApplies(mod);
    expect(withHeadwayMinutes(mod, 'am-peak', null)).not.toHaveProperty('headways');
    const other = junctions(toy).find((x) => x !== j)!;
    expect(withJunction(mod, other)).toMatchObject({ ...other, headways: { 'am-peak': 1800 } });
  });
});
