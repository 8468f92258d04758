import { beforeEach, describe, expect, it, vi } from 'vitest';
import { at, line, network, station, zone } from '../../../test/support/fixtures';
import { DEFAULT_ASSUMPTIONS } from '../../domain/assumptions';
import { metricsFor } from '../../domain/metrics';
import { buildResults } from '../../io/results';
import { buildReport } from '../../metrics/report';
import { createIoApi } from '../../workers/ioApi';
import { messages } from '../state/store';
import { readyForExport } from './exportCheck';

// Two zones, D the core; O 1500 s from it. The figures are not under test: only whether they are offered.
const net = network({
  id: 'two',
  zones: [zone('O', at(0, 100), 1000, 10), zone('D', at(6000, 100), 2000, 20)],
  stations: [station('A', at(0)), station('B', at(6000))],
  lines: [line('L', 'metro', ['A', 'B'], [600], 300)],
  core: ['D'],
});
const results = () =>
  buildResults({
    network: net,
    checksum: `sha256:${'0'.repeat(64)}`,
    scenario: null,
    period: 'am-peak',
    report: buildReport(
      { population: Float64Array.of(1000, 2000), jobs: Float64Array.of(10, 20) },
      {
        capSeconds: 10_800,
        circleSeconds: 3600,
        hasCore: true,
        metrics: metricsFor(DEFAULT_ASSUMPTIONS.metrics),
      },
      {
        timeToCore: Float64Array.of(1500, 0),
        modeToCore: Uint8Array.of(3, 3),
        meanTimeToJobs: Float64Array.of(1200, 600),
        jobsWithin: [0, 1, 2, 3].map(() => Float64Array.of(30, 30)),
      },
    ),
    generatedAt: new Date('2030-01-01T00:00:00Z'),
    engineVersion: 'test',
  });
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
});
