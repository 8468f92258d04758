import { describe, expect, it } from 'vitest';
import { metricsFor } from '../domain/metrics';
import { NO_TRIP, TRIP_MODES } from '../domain/modes';
import type { ZoneMetricsTable } from './originMetrics';
import { buildReport } from './report';

const code = (m: (typeof TRIP_MODES)[number] | null) => (m === null ? NO_TRIP : TRIP_MODES.indexOf(m));
const min = (m: number | null) => (m === null ? Number.POSITIVE_INFINITY : m * 60);

/** A table from (minutes to the core, mode) per zone; the other metrics are not under test here. */
function table(zones: [number | null, (typeof TRIP_MODES)[number] | null][]): ZoneMetricsTable {
  return {
    timeToCore: Float64Array.from(zones, ([t]) => min(t)),
    modeToCore: Uint8Array.from(zones, ([, m]) => code(m)),
    meanTimeToJobs: Float64Array.from(zones, () => 1800),
    jobsWithin: [Float64Array.from(zones, () => 0)],
  };
}

describe('comparing a scenario with the baseline', () => {
  // Zones (population): A 1000 bus 80 → rail 60 (gains 20, switched mode); B 2000 rail 50 → rail 44 (gains 6,
  // same mode); C 4000 no path → bus 100 (newly connected: not a gain of the 180-min cap); D 500 rail 40 →
  // rail 47 (loses 7); E 300 walk 20 → walk 20.
  const base = table([
    [80, 'bus'],
    [50, 'rail'],
    [null, null],
    [40, 'rail'],
    [20, 'walk'],
  ]);
  const scen = table([
    [60, 'rail'],
    [44, 'rail'],
    [100, 'bus'],
    [47, 'rail'],
    [20, 'walk'],
  ]);
  const weights = {
    population: Float64Array.from([1000, 2000, 4000, 500, 300]),
    jobs: Float64Array.from([0, 0, 0, 0, 0]),
  };
  const report = buildReport(
    weights,
    {
      capSeconds: 180 * 60,
      circleSeconds: 3600,
      hasCore: true,
      metrics: metricsFor({ accessibilityMinutes: [45] }),
    },
    base,
    scen,
  );
  const d = report.delta!.summary;

  it('counts as gaining only people with a path before and after; newly connected apart', () => {
    // ≥ 5 min: A (20) and B (6); ≥ 10 min: A only. C's capped 180 → 100 is no gain: it is newly connected.
    expect(d.peopleGaining).toEqual([
      { minutes: 5, population: 3000, switchedMode: 1000 },
      { minutes: 10, population: 1000, switchedMode: 1000 },
    ]);
    expect(d.peopleLosing).toEqual([
      { minutes: 5, population: 500, switchedMode: 0 },
      { minutes: 10, population: 0, switchedMode: 0 },
    ]);
    expect(d.newlyConnected).toEqual({ zones: 1, population: 4000 });
    expect(d.disconnected).toEqual({ zones: 0, population: 0 });
    expect(d.topGainers.map((g) => g.zone)).toEqual([0, 1]);
  });

  it('tells who switched mode: bus → rail, no path → bus', () => {
    expect(d.modeSwitches).toEqual([
      { from: NO_TRIP, to: code('bus'), population: 4000 },
      { from: code('bus'), to: code('rail'), population: 1000 },
    ]);
  });

  it('sums people by the mode of their trip to the core, and those with none', () => {
    // Baseline: walk E 300, bus A 1000, rail B + D 2500, no path C 4000.
    expect(report.baseline.summary.modeToCore).toEqual([300, 0, 1000, 2500]);
    expect(report.baseline.summary.populationWithoutPathToCore).toBe(4000);
    expect(report.scenario!.summary.modeToCore).toEqual([300, 0, 4000, 3500]);
    expect(report.scenario!.summary.populationWithoutPathToCore).toBe(0);
  });
});
