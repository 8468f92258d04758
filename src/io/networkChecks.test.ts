import { describe, expect, it } from 'vitest';
import { at, line, network, station, zone } from '../../test/support/fixtures';
import { checkNetworkReferences } from './networkChecks';

// biome-ignore lint/suspicious/noExplicitAny: raw parsed JSON is edited freely
type Json = any;

function raw(): Json {
  return JSON.parse(
    JSON.stringify(
      network({
        zones: [zone('O', at(0)), zone('D', at(5000))],
        stations: [station('A', at(0)), station('B', at(5000))],
        lines: [line('L', 'metro', ['A', 'B'], [300], 300)],
        core: ['D'],
      }),
    ),
  );
}

describe('checkNetworkReferences', () => {
  it('finds nothing in a valid network', () => {
    expect(checkNetworkReferences(raw())).toEqual([]);
  });

  it('tolerates any shape the schema rejects (it runs on the raw value)', () => {
    for (const value of [null, 3, 'x', [], {}, { stations: 5, lines: [null, 1, 'x'], hubs: {} }]) {
      expect(() => checkNetworkReferences(value)).not.toThrow();
    }
  });

  it('reports a period that ends before it starts, and a missing am-peak', () => {
    const n = raw();
    n.periods[0] = { ...n.periods[0], start: '09:00', end: '07:00' };
    expect(checkNetworkReferences(n)).toEqual([
      { path: '$.periods[0].end', message: 'period ends (07:00) before it starts (09:00)' },
    ]);
    n.periods[0].id = 'pm-peak';
    expect(checkNetworkReferences(n)).toContainEqual({
      path: '$.periods',
      message: 'needs the period "am-peak" (07:00–09:00), the one every analysis has',
    });
  });

  it('a station twice in a row, a servedAs past the last stop or out of order', () => {
    const n = raw();
    n.lines[0].patterns[0].stops = ['A', 'A'];
    n.lines[0].patterns[1].servedAs = [
      { fromStop: 1, line: 'L', direction: 0 },
      { fromStop: 1, line: 'L', direction: 1 },
      { fromStop: 5, line: 'L', direction: 1 },
    ];
    expect(checkNetworkReferences(n)).toEqual([
      { path: '$.lines[0].patterns[0].stops[1]', message: 'station "A" twice in a row' },
      {
        path: '$.lines[0].patterns[1].servedAs[1].fromStop',
        message: 'servedAs entries must be in increasing stop order',
      },
      {
        path: '$.lines[0].patterns[1].servedAs[2].fromStop',
        message: 'stop index 5 is past the last stop (1)',
      },
    ]);
  });

  it('values that are objects with their own toString or valueOf are reported, not thrown', () => {
    const n = raw();
    const trap = { toString: 1, valueOf: 'x' };
    n.periods[0].start = trap;
    n.hubs = [{ id: 'H', name: { en: 'H' }, stations: [trap, 'A'] }];
    n.lines[0].patterns[0].id = trap;
    n.lines[0].patterns[0].direction = trap;
    n.lines[0].patterns[1].stops = [trap, 'A'];
    n.transfers = [{ at: { stations: [trap, 'B'] }, walkSeconds: 60 }];
    n.core[0].zones = [trap];
    const text = JSON.stringify(trap);
    expect(checkNetworkReferences(n)).toEqual([
      { path: '$.hubs[0].stations[0]', message: `unknown station "${text}"` },
      { path: '$.lines[0].patterns[1].stops[0]', message: `unknown station "${text}"` },
      { path: '$.transfers[0].at.stations[0]', message: `unknown station "${text}"` },
      { path: '$.core[0].zones[0]', message: `unknown zone "${text}"` },
    ]);
  });
});
