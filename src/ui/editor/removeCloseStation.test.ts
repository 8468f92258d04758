import { describe, expect, it } from 'vitest';
import { expectApplies, scenarioWith } from '../../../test/support/editorToy';
import { newCloseStation, withStation } from './closeStation';
import { newRemoveLine, withLine } from './removeLine';

describe('remove-line editor', () => {
  it('removes the line chosen (in the list or by clicking it on the map)', () => {
    const mod = withLine(newRemoveLine(scenarioWith(), 'm2'), 't1');
    expect(mod).toEqual({ type: 'remove-line', id: 'mod-1', line: 't1' });
    expect(expectApplies(mod).lines.some((l) => l.id === 't1')).toBe(false);
  });
});

describe('close-station editor', () => {
  it('closes the station chosen', () => {
    const mod = withStation(newCloseStation(scenarioWith(), 'central'), 'museum');
    expect(mod).toEqual({ type: 'close-station', id: 'mod-1', station: 'museum' });
    expect(expectApplies(mod).stations.some((s) => s.id === 'museum')).toBe(false);
  });
});
