import { DEFAULT_ASSUMPTIONS } from '../../src/domain/assumptions';
import { metricsFor } from '../../src/domain/metrics';
import type { Scenario } from '../../src/domain/scenario';
import { buildResults } from '../../src/io/results';
import { buildReport } from '../../src/metrics/report';
import { at, line, network, station, zone } from './fixtures';

/** Two zones, O and D, D the core; one metro line between them. */
export const twoZones = network({
  id: 'two',
  zones: [zone('O', at(0, 100), 1000, 10), zone('D', at(6000, 100), 2000, 20)],
  stations: [station('A', at(0)), station('B', at(6000))],
  lines: [line('L', 'metro', ['A', 'B'], [600], 300)],
  core: ['D'],
});

/** A metrics table written by hand (what workers would send back): each zone's time to the core, seconds. */
function table(timeToCore: [number, number]) {
  return {
    timeToCore: Float64Array.from(timeToCore),
    modeToCore: Uint8Array.of(3, 3),
    meanTimeToJobs: Float64Array.of(1200, 600),
    jobsWithin: [0, 1, 2, 3].map(() => Float64Array.of(30, 30)),
  };
}

/**
 * The results document of the two zones: their times to the core before (and, with `after`, after a
 * scenario: `scenario`, against `before` or the baseline), the default thresholds.
 */
export function twoZoneResults(
  timeToCore: [number, number],
  after?: { timeToCore: [number, number]; scenario: Scenario; before?: Scenario },
) {
  const report = buildReport(
    { population: Float64Array.of(1000, 2000), jobs: Float64Array.of(10, 20) },
    {
      capSeconds: 10_800,
      circleSeconds: 3600,
      hasCore: true,
      metrics: metricsFor(DEFAULT_ASSUMPTIONS.metrics),
    },
    table(timeToCore),
    after && table(after.timeToCore),
  );
  return buildResults({
    network: twoZones,
    checksum: `sha256:${'0'.repeat(64)}`,
    scenario: after?.scenario ?? null,
    ...(after?.before && { before: after.before }),
    period: 'am-peak',
    report,
    generatedAt: new Date('2030-01-01T00:00:00Z'),
    engineVersion: 'test',
  });
}
