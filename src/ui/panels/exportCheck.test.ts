import { beforeEach, describe, expect, it, vi } from 'vitest';
import { twoZoneResults } from '../../../test/support/twoZones';
import { createIoApi } from '../../workers/ioApi';
import { messages } from '../state/store';
import { readyForExport } from './exportCheck';

// The two zones of test/support/twoZones.ts: the figures are not under test, only whether they are offered.
const results = () => twoZoneResults([1500, 0]);
const io = createIoApi();

beforeEach(() => {
  messages.value = [];
});

describe('results are checked before a download is offered', () => {
  it('offers valid results, asking the checker once per document', async () => {
    const doc = results();
    const check = vi.fn((d: typeof doc) => io.checkResults(d));
    expect(await readyForExport(doc, 'two-baseline-am-peak.results.json', check)).toBe(true);
    expect(await readyForExport(doc, 'two-baseline-am-peak.zones.csv', check)).toBe(true);
    expect(check).toHaveBeenCalledTimes(1);
    expect(messages.value).toEqual([]);
  });

  it('refuses results that break their format, and says so as for a bad file: its name, every problem at its path', async () => {
    const doc = results();
    // What a fault would write: a negative population and a time to the core below zero.
    doc.summary.baseline.population = -1;
    doc.zones[0]!.baseline.timeToCoreMinutes = -10;
    const file = 'two-baseline-am-peak.results.json';
    expect(await readyForExport(doc, file, (d) => io.checkResults(d))).toBe(false);
    expect(messages.value).toHaveLength(1);
    const [m] = messages.value;
    expect(m).toMatchObject({ level: 'error', file });
    expect(m!.title).toContain(file);
    expect(m!.detail).toMatch(/break their own format/);
    expect(m!.issues!.map((i) => i.path)).toEqual([
      '$.summary.baseline.population',
      '$.zones[0].baseline.timeToCoreMinutes',
    ]);
  });

  it('a check that fails (the io worker gone) offers nothing, says so, and is asked again next time', async () => {
    const doc = results();
    const gone = vi.fn(async () => {
      throw new Error('the io worker stopped');
    });
    expect(await readyForExport(doc, 'x.results.json', gone)).toBe(false);
    expect(messages.value).toHaveLength(1);
    expect(messages.value[0]).toMatchObject({ level: 'error', detail: 'the io worker stopped' });
    expect(await readyForExport(doc, 'x.results.json', (d) => io.checkResults(d))).toBe(true);
  });
});
