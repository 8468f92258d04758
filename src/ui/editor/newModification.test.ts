import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith, toy } from '../../../test/support/editorToy';
import { MODIFICATION_ORDER } from '../../domain/modifications/index';
import { newModification } from './newModification';

describe('new modifications', () => {
  it('starts every type but add-line (which needs stops) as a modification that applies', () => {
    for (const type of MODIFICATION_ORDER) {
      const mod = newModification(type, scenarioWith(), toy, toy);
      expect(mod?.type).toBe(type);
      if (type !== 'add-line' && type !== 'extend-line') expectApplies(mod!);
    }
  });

  it('has nothing to through-run on a network without junctions', () => {
    const bare = { ...toy, lines: toy.lines.filter((l) => l.id === 'm3') };
    expect(newModification('through-run', scenarioWith(), bare, bare)).toBeUndefined();
    expect(newModification('extend-line', scenarioWith(), bare, bare)).toBeUndefined();
  });
});
