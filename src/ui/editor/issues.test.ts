import { describe, expect, it } from 'vitest';
import { scenarioWith, toy } from '../../../test/support/editorToy';
import { applyScenario } from '../../domain/applyScenario';
import { groupIssues, issuesAt, normalizePath, unclaimed } from './issues';

describe('issues by modification and field', () => {
  it('groups the issues of applying a scenario by modification, with paths below it', () => {
    const scenario = scenarioWith(
      { type: 'set-headway', line: 'm2', headways: { 'am-peak': 120 } },
      { type: 'set-headway', line: 'm9', headways: { 'am-peak': -1 } },
      {
        type: 'add-pattern',
        line: 'm1',
        pattern: { id: 'x', stops: ['west-hills', 'central'], headways: { 'pm-peak': 60 } },
      },
    );
    const applied = applyScenario(toy, { ...scenario, network: 'elsewhere' });
    expect(applied.ok).toBe(false);
    const { byModification, scenario: rest } = groupIssues(applied.ok ? [] : applied.issues);
    expect(rest.map((i) => i.path)).toEqual(['$.network']);
    expect(byModification.has(0)).toBe(false);
    expect(
      byModification
        .get(1)!
        .map((i) => i.field)
        .sort(),
    ).toEqual(['.headways["am-peak"]', '.line']);
    // The resolver names the pattern's headways with one dotted key; it lands on the nested field.
    expect(byModification.get(2)!.map((i) => i.field)).toEqual(['.pattern.headways["pm-peak"]']);
  });

  it('normalizes dotted keys only', () => {
    expect(normalizePath('$.modifications[2]["pattern.headways"]["am-peak"]')).toBe(
      '$.modifications[2].pattern.headways["am-peak"]',
    );
    expect(normalizePath('$.modifications[0].headways["am-peak"]')).toBe(
      '$.modifications[0].headways["am-peak"]',
    );
    expect(normalizePath('$.x["a b.c"]')).toBe('$.x["a b.c"]');
  });

  it('finds the issues of a field and below it, and those no field claims', () => {
    const list = [
      { field: '.stops', message: 'a' },
      { field: '.stops[1].coord', message: 'b' },
      { field: '.stopsX', message: 'c' },
      { field: '', message: 'd' },
    ];
    expect(issuesAt(list, '.stops').map((i) => i.message)).toEqual(['a', 'b']);
    expect(unclaimed(list, ['.stops']).map((i) => i.message)).toEqual(['c', 'd']);
  });
});
