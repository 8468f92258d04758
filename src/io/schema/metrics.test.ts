import { describe, expect, it } from 'vitest';
import { at, line, network, station, zone } from '../../../test/support/fixtures';
import { loadNetwork } from '../network';

/** The metric thresholds of a network's assumptions: each threshold is one metric and one results key. */
function load(accessibilityMinutes: unknown) {
  const n = network({
    zones: [zone('O', at(0)), zone('D', at(5000))],
    stations: [station('A', at(0)), station('B', at(5000))],
    lines: [line('L', 'metro', ['A', 'B'], [300], 300)],
    core: ['D'],
  });
  const raw = JSON.parse(JSON.stringify(n));
  raw.assumptions = { ...raw.assumptions, metrics: { accessibilityMinutes } };
  return loadNetwork({ file: 'fixture.network.json', text: JSON.stringify(raw) });
}

describe('accessibility thresholds in a network file', () => {
  it('load in any order, each once', () => {
    const result = load([60, 20, 45]);
    expect(result.ok).toBe(true);
  });

  it('a threshold given twice is named at its path, not merged silently', () => {
    const result = load([30, 60, 30, 60, 90]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.message])).toEqual([
      ['$.assumptions.metrics.accessibilityMinutes[2]', '30 min is already a threshold (at [0])'],
      ['$.assumptions.metrics.accessibilityMinutes[3]', '60 min is already a threshold (at [1])'],
    ]);
  });
});
