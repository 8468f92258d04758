/**
 * Geographic plausibility and the model's domains in GTFS imports (issue 12, defect 6): a stop moved a
 * continent away, a station moved out of reach of its run times, runs over a day, layovers, duplicated
 * trips — each stated in the report, never a network that collapses the zone grid or fails its own check.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { greatCircleMeters } from '../../src/domain/geo';
import { formatReport, type ImportResult, importGtfs } from '../../src/io/gtfs';
import { loadNetwork, serializeNetwork } from '../../src/io/network';
import { smallFeed, withLine } from '../support/gtfsFeed';
import { feedTexts, SAMPLES } from './support';

const caltrain = feedTexts(join(SAMPLES, 'caltrain_20160406'));

/** Caltrain with the Palo Alto station row (parent "ctpa", line 82 of stops.txt) at another position. */
function movedPaloAlto(lat: number, lon: number): Record<string, string> {
  const lines = caltrain['stops.txt']!.split('\n');
  const k = lines.findIndex((l) => l.startsWith('ctpa,'));
  expect(k + 1).toBe(82);
  const f = lines[k]!.split(',');
  f[3] = String(lat);
  f[4] = String(lon);
  lines[k] = f.join(',');
  return { ...caltrain, 'stops.txt': lines.join('\n') };
}

/** The network of an ok import loads like a file (no internal error, the plausibility check included). */
function loadsAsFile(result: ImportResult): void {
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const loaded = loadNetwork({ file: 'imported', text: serializeNetwork(result.network) });
  expect(loaded.ok ? [] : loaded.issues).toEqual([]);
}

describe('a stop a continent away (Caltrain, Palo Alto moved 12,000 km)', () => {
  // (37.44, −122.16) → (−37.44, 57.84), the antipode's neighbourhood: about 19,000 km — and the issue's
  // 12,000 km: (−10, 20).
  let strict: ImportResult;
  let lenient: ImportResult;
  let untouched: ImportResult;
  beforeAll(async () => {
    const feed = movedPaloAlto(-10, 20);
    strict = await importGtfs({ files: feed }, { feedName: 'caltrain' });
    lenient = await importGtfs({ files: feed }, { feedName: 'caltrain', lenient: true });
    untouched = await importGtfs({ files: caltrain }, { feedName: 'caltrain' });
  });

  it('is an error at its stops.txt row, with the distance and what the feed’s other stops span', () => {
    const distance = greatCircleMeters([-122.1649, 37.44307], [20, -10]);
    expect(distance / 1000).toBeGreaterThan(12_000);
    expect(strict.ok).toBe(false);
    if (strict.ok) return;
    expect(strict.issues).toEqual([
      {
        path: 'stops.txt:82:stop_lat',
        message: expect.stringMatching(
          /^stop "ctpa" is 1\d,\d{3} km from the middle of the feed's stops, 95 % of which lie within \d+ km: its position is probably wrong .*; trips calling here are dropped$/,
        ),
      },
    ]);
    expect(strict.report.checks.strayStops).toBe(1);
    expect(formatReport(strict.report)).toMatch(/Checks: 1 stray stop, 0 trips dropped/);
  });

  it('imported leniently, its trips are left out and the zone grid stays the size of the line', () => {
    loadsAsFile(lenient);
    if (!lenient.ok || !untouched.ok) return;
    expect(lenient.network.stations.map((s) => s.id)).not.toContain('ctpa');
    // Without the check one zone stood for the whole grid; the grid is that of the real line.
    const zones = untouched.network.zones.length;
    expect(lenient.network.zones.length).toBeGreaterThan(zones * 0.9);
  });
});

describe('a station out of reach of its run times (Palo Alto 150 km east)', () => {
  it('drops the trips with the hop, one warning per pair of stations with the count, and says so', async () => {
    // 150 km from California Ave and Menlo Park, which trains reach in 3–5 minutes: thousands of km/h.
    const result = await importGtfs({ files: movedPaloAlto(37.44307, -120.46) }, { feedName: 'caltrain' });
    loadsAsFile(result);
    const hops = result.report.warnings.filter((w) => /"ctpa"/.test(w.message));
    expect(hops.length).toBeGreaterThan(1);
    for (const w of hops) {
      expect(w.path).toMatch(/^stop_times\.txt:\d+:arrival_time$/);
      expect(w.message).toMatch(
        /km apart in a straight line, yet the run takes \d+ s: [\d,]+ km\/h even with a minute's slack, and no train runs faster than 600 km\/h\. A station position or this run time is wrong; (trip "\w+" is|\d+ trips \(the first "\w+"\) are) dropped$/,
      );
    }
    expect(result.report.checks.tripsDropped).toBeGreaterThan(10);
    expect(result.report.checks.strayStops).toBe(0);
    expect(formatReport(result.report)).toContain('trips dropped as implausible');
  });
});

describe('times a train cannot keep (hand-made feed)', () => {
  it('a run over a day and a stand over 2 h drop their trips, with a warning at the row', async () => {
    // M2's run B → C takes 30 h; M3 stands 3 h at B. M1 and M4 are as before.
    let feed = withLine(smallFeed(), 'stop_times.txt', 8, 'M2,37:16:00,37:16:30,C,3');
    feed = withLine(feed, 'stop_times.txt', 9, 'M2,37:19:00,37:19:00,E1,4');
    feed = withLine(feed, 'stop_times.txt', 11, 'M3,07:22:00,10:22:30,B1,2');
    feed = withLine(feed, 'stop_times.txt', 12, 'M3,10:25:00,10:25:30,C,3');
    feed = withLine(feed, 'stop_times.txt', 13, 'M3,10:28:00,10:28:00,E1,4');
    const result = await importGtfs({ files: feed });
    loadsAsFile(result);
    expect(result.report.warnings).toEqual(
      expect.arrayContaining([
        {
          path: 'stop_times.txt:8:arrival_time',
          message: 'the run from "B" to "C" takes 30:03:00, more than a day; trip "M2" is dropped',
        },
        {
          path: 'stop_times.txt:11:departure_time',
          message:
            'trains stand 03:00:30 at "B" (arriving 07:22:00): a layover, not a stop (the model takes at most 2 h); trip "M3" is dropped',
        },
      ]),
    );
    expect(result.report.checks.tripsDropped).toBe(2);
  });

  it('trips closer than 30 s apart are read as a 30-s headway, with a warning', async () => {
    // 300 copies of M1 in the am-peak: 7200 / 301 = 24 s.
    const feed = smallFeed();
    const copies = Array.from({ length: 300 }, (_, k) => `M,WK,MC${k},Epsilon,0`);
    const rows = Array.from({ length: 300 }, (_, k) =>
      [
        `MC${k},07:00:00,07:00:00,A1,1`,
        `MC${k},07:02:00,07:02:30,B1,2`,
        `MC${k},07:05:00,07:05:30,C,3`,
        `MC${k},07:08:00,07:08:00,E1,4`,
      ].join('\n'),
    );
    feed['trips.txt'] = `${feed['trips.txt']}\n${copies.join('\n')}`;
    feed['stop_times.txt'] = `${feed['stop_times.txt']}\n${rows.join('\n')}`;
    const result = await importGtfs({ files: feed });
    loadsAsFile(result);
    if (!result.ok) return;
    const m = result.network.lines.find((l) => l.id === 'M')!;
    expect(m.patterns[0]!.headways['am-peak']).toBe(30);
    expect(result.report.warnings).toContainEqual({
      path: 'trips.txt',
      message:
        'route "M": the trips of one pattern in am-peak imply a headway of 24 s, read as 30 s, the shortest the model takes (duplicated trips?)',
    });
    expect(result.report.checks.headwaysChanged).toBe(1);
  });
});

describe('the GTFS options have domains', () => {
  it('out-of-domain numbers are errors at options.…, before the feed is read', async () => {
    const result = await importGtfs(
      { files: smallFeed() },
      { hexSpacingMeters: 1e308, maxZones: 2.5, sameNameHubMeters: -1 },
    );
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'options.hexSpacingMeters', message: 'must be ≤ 50,000 m, got 1e+308' },
      { path: 'options.maxZones', message: 'expected int, got 2.5' },
      { path: 'options.sameNameHubMeters', message: 'must be ≥ 1 m, got -1' },
    ]);
  });
});
