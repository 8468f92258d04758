import { describe, expect, it } from 'vitest';
import { scenarioWith } from '../../../test/support/editorToy';
import { editableShape, mergeSaved, userScenarios } from './workspace';

const bundled = [{ ...scenarioWith(), id: 'toy-express', name: 'Express' }];

describe('restoring saved scenarios', () => {
  it('puts the saved ones after the bundled, renaming one whose id a bundled scenario has taken', () => {
    const mine = { ...scenarioWith({ type: 'remove-line', line: 'm2' }), id: 'mine' };
    const clash = { ...scenarioWith(), id: 'toy-express', name: 'My express' };
    const { scenarios, issues } = mergeSaved('toy', bundled, [mine, clash]);
    expect(issues).toEqual([]);
    expect(scenarios.map((s) => [s.id, s.name])).toEqual([
      ['toy-express', 'Express'],
      ['mine', 'Test'],
      ['toy-express-2', 'My express'],
    ]);
  });

  it('keeps work in progress that is not yet a valid file (a line with one stop), drops what is not a scenario', () => {
    const unfinished = {
      ...scenarioWith({
        type: 'add-line',
        line: { id: 'x', name: { en: 'X' }, layer: 'suburban', color: '#112233' },
        stops: ['central'],
        speedKmh: 80,
        headways: {},
      }),
      id: 'wip',
    };
    expect(editableShape(unfinished)).toBe(true);
    const broken = { ...scenarioWith(), id: 'broken', modifications: [{ type: 'add-line' }] };
    expect(editableShape(broken)).toBe(false);
    const { scenarios, issues } = mergeSaved(
      'toy',
      [],
      [unfinished, broken, 42, { ...scenarioWith(), id: 'other', network: 'jjj' }],
    );
    expect(scenarios.map((s) => s.id)).toEqual(['wip']);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => /^saved\[(1|2)\]/.test(i.path))).toBe(true);
  });

  it('saves only the planner’s scenarios for the network', () => {
    const mine = { ...scenarioWith(), id: 'mine' };
    const other = { ...scenarioWith(), id: 'other', network: 'jjj' };
    expect(userScenarios([...bundled, mine, other], 'toy', new Set(['toy-express']))).toEqual([mine]);
  });
});
