import { describe, expect, it } from 'vitest';
import { expectApplies, toy } from '../../../test/support/editorToy';
import { describeModification } from './describe';

/** Translations as keys, so the test sees which one was asked for. */
const tr = (key: string) => `<${key}>`;

describe('describeModification', () => {
  it('names what a scenario removes from the base network (the scenario network no longer has it)', () => {
    const removed = expectApplies(
      { type: 'remove-line', line: 'm2' },
      { type: 'close-station', station: 'central' },
    );
    expect(removed.lines.some((l) => l.id === 'm2')).toBe(false);
    expect(describeModification({ type: 'remove-line', line: 'm2' }, [removed, toy], 'en', tr)).toBe(
      'Metro 2',
    );
    expect(
      describeModification({ type: 'close-station', station: 'central' }, [removed, toy], 'en', tr),
    ).toBe('Central');
  });

  it('names hubs and layers, in the chosen language, and shows unknown ids as they are', () => {
    expect(
      describeModification(
        { type: 'set-transfer', at: { hub: 'toyton-hub' }, processingSeconds: 0 },
        [toy],
        'zh',
        tr,
      ),
    ).toBe('玩具城站枢纽: <ed.processing> 0′');
    expect(
      describeModification({ type: 'set-processing', layer: 'suburban', entrySeconds: 60 }, [toy], 'en', tr),
    ).toBe('<layer.suburban>: <ed.entry> 1′');
    expect(describeModification({ type: 'remove-line', line: 'nowhere' }, [toy], 'en', tr)).toBe('nowhere');
  });
});
