import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { smallFeed, withLine } from '../../../test/support/gtfsFeed';
import type { Network } from '../../domain/network';
import { serializeNetwork } from '../network';
import { GtfsError } from './errors';
import { type ImportResult, importGtfs } from './import';
import { unwrapImport } from './input';
import type { ImportOptions } from './options';

async function imported(files: Record<string, string>, options: ImportOptions = {}): Promise<Network> {
  return unwrapImport(await importGtfs({ files }, options));
}

function failed(result: ImportResult): { path: string; message: string }[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('importGtfs on a hand-made feed', () => {
  it('chooses the first Tuesday–Thursday that is not a holiday', async () => {
    const result = await importGtfs({ files: smallFeed() });
    expect(result.report.serviceDay).toEqual({
      date: '2024-01-03',
      weekday: 'Wednesday',
      trips: 6,
      reason: 'the busiest Tuesday–Thursday in the feed (6 trips, the first of 156 equally busy dates)',
    });
  });

  it('merges platforms into stations, splits a station served by two layers and groups it as a hub', async () => {
    const n = await imported(smallFeed());
    expect(n.stations.map((s) => [s.id, s.layer, s.name.en])).toEqual([
      ['A', 'metro', 'Alpha'],
      ['B~suburban', 'suburban', 'Beta'],
      ['B~metro', 'metro', 'Beta'],
      ['C', 'metro', 'Gamma'],
      ['D', 'suburban', 'Delta'],
      ['E', 'metro', 'Epsilon'],
    ]);
    expect(n.stations[0]!.coord).toEqual([116.3, 39.9]);
    expect(n.hubs).toEqual([
      { id: 'hub-B~suburban', name: { en: 'Beta' }, stations: ['B~suburban', 'B~metro'] },
      { id: 'hub-C', name: { en: 'Gamma' }, stations: ['C', 'D'] },
    ]);
  });

  it('makes patterns with median runs and dwells and headways from trip counts', async () => {
    const m = (await imported(smallFeed())).lines.find((l) => l.id === 'M')!;
    expect(m).toMatchObject({
      name: { en: 'M' },
      layer: 'metro',
      color: '#FF0000',
      directionNames: [{ en: 'Epsilon' }, { en: 'Alpha' }],
    });
    // M1, M3, M4 run 120 / 150 / 150 s, M2 150 / 180 / 150: medians over the four trips in the periods.
    expect(m.patterns).toEqual([
      {
        id: 'd0-1',
        direction: 0,
        headsign: { en: 'Epsilon' },
        stops: ['A', 'B~metro', 'C', 'E'],
        runSeconds: [120, 150, 150],
        dwellSeconds: [0, 30, 30, 0],
        headways: { 'am-peak': 2400, 'off-peak': 21600 },
      },
      {
        id: 'd1-1',
        direction: 1,
        headsign: { en: 'Alpha' },
        stops: ['E', 'C', 'B~metro', 'A'],
        runSeconds: [180, 160, 160],
        dwellSeconds: [0, 20, 20, 0],
        headways: { 'am-peak': 7200 },
      },
    ]);
  });

  it('turns transfers.txt into rules between the right stations and notes what it cannot model', async () => {
    const result = await importGtfs({ files: smallFeed() });
    const n = unwrapImport(result);
    expect(n.transfers).toEqual([
      { at: { stations: ['B~metro', 'B~suburban'] }, walkSeconds: 240 },
      { at: { stations: ['C', 'D'] }, walkSeconds: 600 },
    ]);
    expect(result.report.transfers).toEqual({
      rows: 3,
      rules: 2,
      links: 2,
      notPossible: 1,
      tripLevel: 0,
      unused: 0,
    });
    expect(n.notes).toContainEqual(expect.stringContaining('1 change as not possible (transfer_type 3)'));
  });

  it('reports the bus route and imports it when the caller maps buses to a layer', async () => {
    const result = await importGtfs({ files: smallFeed() });
    expect(result.report.routes.dropped).toEqual([
      {
        id: 'X',
        name: 'X',
        routeType: 3,
        reason: expect.stringMatching(/^bus \(3\): not a mode the model carries/),
      },
    ]);
    const byType = await imported(smallFeed(), { routeTypes: { 3: 'metro' } });
    expect(byType.lines.map((l) => [l.id, l.layer])).toEqual([
      ['M', 'metro'],
      ['R', 'suburban'],
      ['X', 'metro'],
    ]);
    const byRoute = await importGtfs(
      { files: smallFeed() },
      { routeTypes: { 3: 'metro' }, routes: { X: null, R: 'trunk' } },
    );
    expect(unwrapImport(byRoute).lines.map((l) => [l.id, l.layer])).toEqual([
      ['M', 'metro'],
      ['R', 'trunk'],
    ]);
    expect(byRoute.report.routes.dropped[0]!.reason).toBe(
      'bus (3): mapped to no layer by the import options',
    );
  });

  it('adds the other language from translations.txt to station, line and headsign names', async () => {
    const feed = smallFeed();
    feed['translations.txt'] = [
      'table_name,field_name,language,translation,record_id,field_value',
      'stops,stop_name,zh-CN,阿尔法,A,',
      'routes,route_short_name,zh,M线,M,',
      'trips,trip_headsign,zh-Hans,往伊普西隆,,Epsilon',
      'stops,stop_name,fr,Alpha (fr),A,',
    ].join('\n');
    const n = await imported(feed);
    expect(n.stations[0]!.name).toEqual({ en: 'Alpha', zh: '阿尔法' });
    expect(n.lines[0]!.name).toEqual({ en: 'M', zh: 'M线' });
    expect(n.lines[0]!.patterns[0]!.headsign).toEqual({ en: 'Epsilon', zh: '往伊普西隆' });
    // The old Google form is skipped with a warning, not an error.
    const old = await importGtfs({
      files: { ...smallFeed(), 'translations.txt': 'trans_id,lang,translation\nA,zh,阿尔法\n' },
    });
    expect(old.ok).toBe(true);
    expect(old.report.warnings).toContainEqual({
      path: 'translations.txt:2',
      message: expect.stringContaining('not in the current GTFS form'),
    });
    // A Chinese feed keeps Chinese first.
    const zh = await imported(feed, { language: 'zh' });
    expect(zh.stations[0]!.name).toEqual({ zh: 'Alpha' });
  });

  it('warns about same-named stations nothing links, and groups them when asked', async () => {
    // C takes D's name and moves next to it; without the transfers.txt row nothing links them.
    const feed = withLine(smallFeed(), 'stops.txt', 7, 'C,Delta,39.9005,116.3995,,');
    const unlinked = {
      ...feed,
      'transfers.txt': 'from_stop_id,to_stop_id,transfer_type,min_transfer_time\n',
    };
    const warned = await importGtfs({ files: unlinked });
    expect(unwrapImport(warned).hubs.map((h) => h.stations)).toEqual([['B~suburban', 'B~metro']]);
    expect(warned.report.warnings).toContainEqual({
      path: 'transfers.txt',
      message: expect.stringMatching(
        /^1 station shares a name with another within 300 m \(e\.g\. "C" and "D"\)/,
      ),
    });
    // Linked by transfers.txt: nothing to warn about.
    expect((await importGtfs({ files: feed })).report.warnings.map((w) => w.path)).not.toContain(
      'transfers.txt',
    );
    const grouped = unwrapImport(await importGtfs({ files: unlinked }, { sameNameHubMeters: 300 }));
    expect(grouped.hubs.map((h) => h.stations)).toEqual([
      ['B~suburban', 'B~metro'],
      ['C', 'D'],
    ]);
    expect(grouped.notes).toContainEqual(expect.stringContaining('grouped with it into hubs, as asked'));
  });

  it('makes a hexagonal grid of zones with unknown population and jobs, and a core at the busiest station', async () => {
    const n = await imported(smallFeed());
    expect(n.zones.length).toBeGreaterThan(20);
    expect(n.zones.every((z) => z.population === 1 && z.jobs === 1 && z.geometry?.type === 'Polygon')).toBe(
      true,
    );
    expect(n.zoneAttributes).toEqual({
      population: { source: 'unknown: uniform', estimate: true },
      jobs: { source: 'unknown: uniform', estimate: true },
    });
    expect(n.notes).toContainEqual(
      expect.stringContaining('Population and jobs are unknown: 1 per zone (uniform)'),
    );
    // B (its metro part) and C each see 4 am-peak departures (3 eastbound, 1 westbound); B comes first.
    expect(n.core[0]!.name).toEqual({ en: 'Around Beta' });
    expect(n.notes).toContainEqual(
      expect.stringContaining('Beta (B~metro), the station with the most departures in the am-peak (4)'),
    );
  });

  it('uses the zones GeoJSON when given, ids filled in where missing', async () => {
    const square = (x: number) => ({
      type: 'Feature',
      properties: { population: 100, jobs: 50 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 39.89],
            [x + 0.02, 39.89],
            [x + 0.02, 39.91],
            [x, 39.91],
            [x, 39.89],
          ],
        ],
      },
    });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [square(116.29), square(116.33), { ...square(116.37), id: 'east' }],
    });
    const n = await imported(smallFeed(), { zones: { file: 'city.geojson', text } });
    expect(n.zones.map((z) => [z.id, z.population, z.jobs])).toEqual([
      ['z1', 100, 50],
      ['z2', 100, 50],
      ['east', 100, 50],
    ]);
    expect(n.zoneAttributes?.population).toEqual({ source: 'city.geojson', estimate: false });
    expect(n.core[0]!.zones).toEqual(['z1']);
  });

  it('reports every problem of a bad zones GeoJSON with its JSON path, and imports nothing', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { population: -1 }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    });
    const issues = failed(await importGtfs({ files: smallFeed() }, { zones: { file: 'bad.geojson', text } }));
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'bad.geojson:$.features[0].geometry',
        'bad.geojson:$.features[0].properties.population',
        'bad.geojson:$.features[0].properties.jobs',
      ]),
    );
  });

  it('gives the same bytes for the same feed, as files or as a zip', async () => {
    const feed = smallFeed();
    const a = serializeNetwork(await imported(feed));
    const zip = zipSync(
      Object.fromEntries(Object.entries(feed).map(([k, v]) => [`gtfs/${k}`, new TextEncoder().encode(v)])),
    );
    const b = serializeNetwork(unwrapImport(await importGtfs({ zip }, { feedName: 'feed' })));
    expect(b).toBe(a);
  });

  it('honours a service day and periods given by the caller', async () => {
    const result = await importGtfs(
      { files: smallFeed() },
      {
        date: '2024-01-06',
        periods: [{ id: 'am-peak', name: { en: 'AM' }, start: '07:30', end: '08:30' }],
      },
    );
    // Saturday: only M6 at 08:00 (A → E direct).
    const n = unwrapImport(result);
    expect(result.report.serviceDay).toMatchObject({
      date: '2024-01-06',
      weekday: 'Saturday',
      reason: 'chosen by the user (1 trips)',
    });
    expect(n.lines.map((l) => l.patterns.map((p) => [p.stops, p.headways]))).toEqual([
      [[['A', 'E'], { 'am-peak': 3600 }]],
    ]);
    expect(result.report.routes.dropped.map((d) => [d.id, d.reason])).toEqual([
      ['R', 'no trips on the service day 2024-01-06 (Saturday)'],
      ['X', expect.stringContaining('bus (3)')],
    ]);
  });
});

describe('stop_times conventions', () => {
  /** One route over stops P1…P6 (P3a and P3b platforms of S3) with the awkward cases of real feeds. */
  function conventions(): Record<string, string> {
    const feed = smallFeed();
    feed['stops.txt'] += [
      '',
      'P1,P1,40.0,116.0,0,',
      'P2,P2,40.0,116.01,0,',
      'S3,S3,40.0,116.04,1,',
      'P3a,P3a,40.0,116.04,0,S3',
      'P3b,P3b,40.0,116.0401,0,S3',
      'P4,P4,40.0,116.05,0,',
      'P5,P5,40.0,116.06,0,',
      'P6,P6,40.0,116.07,0,',
    ].join('\n');
    feed['routes.txt'] += '\nV,T,V,V line,1,';
    feed['trips.txt'] += '\nV,WK,V1,,0';
    feed['stop_times.txt'] = [
      'trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type',
      'V1,08:00:00,08:00:00,P1,1,0,0',
      // No time: interpolated by distance, P1–P2 is 1/4 of P1–P3a.
      'V1,,,P2,2,0,0',
      'V1,08:08:00,08:08:30,P3a,3,0,0',
      // The other platform of S3 right after: one call at S3 from 08:08:00 to 08:09:00.
      'V1,08:09:00,08:09:00,P3b,4,0,0',
      // Same minute as the departure before: a run of 0 s, raised to 1 s.
      'V1,08:09:00,08:10:00,P4,5,0,0',
      // Passes without stopping: not a call; its time is part of the run P4 → P6.
      'V1,08:12:00,08:12:00,P5,6,1,1',
      'V1,08:15:00,08:15:00,P6,7,0,0',
    ].join('\n');
    return feed;
  }

  it('interpolates untimed stops, merges platforms of one station, drops pass-throughs and raises zero runs', async () => {
    const result = await importGtfs({ files: conventions() });
    const v = unwrapImport(result).lines.find((l) => l.id === 'V')!;
    expect(v.patterns).toEqual([
      {
        id: 'd0-1',
        direction: 0,
        stops: ['P1', 'P2', 'S3', 'P4', 'P6'],
        runSeconds: [120, 360, 1, 300],
        dwellSeconds: [0, 0, 60, 60, 0],
        headways: { 'am-peak': 7200 },
      },
    ]);
    expect(result.report.notes).toContainEqual(
      '1 run of 0 s (consecutive stops with the same time) were set to 1 s.',
    );
  });
});

describe('malformed feeds: row-level issues, never an exception', () => {
  it('names file, line and column of a bad value and drops the trip; lenient imports the rest', async () => {
    const bad = withLine(smallFeed(), 'stop_times.txt', 3, 'M1,7h02,07:02:30,B1,2');
    const issues = failed(await importGtfs({ files: bad }));
    expect(issues).toEqual([
      { path: 'stop_times.txt:3:arrival_time', message: 'expected a time HH:MM:SS, got "7h02"' },
    ]);
    const lenient = await importGtfs({ files: bad }, { lenient: true });
    expect(lenient.ok).toBe(true);
    // 26 rows: 1 bad, 4 of trips not needed (the bus, the Saturday trip), the rest used.
    expect(lenient.report.files.find((f) => f.file === 'stop_times.txt')).toMatchObject({
      rows: 26,
      used: 21,
      skipped: 4,
      dropped: 1,
    });
    // M1 lost its second stop: it now runs A → C → E, a pattern of its own.
    expect(unwrapImport(lenient).lines[0]!.patterns.map((p) => p.stops.join(' '))).toContain('A C E');
  });

  it('reports a missing required column on the header line, and a missing required file', async () => {
    const feed = smallFeed();
    feed['routes.txt'] = feed['routes.txt']!.replace('route_type', 'kind');
    delete feed['stop_times.txt'];
    const issues = failed(await importGtfs({ files: feed }));
    // Trips naming routes of the unreadable routes.txt are not each an error: the header's error says it.
    expect(issues).toEqual([
      {
        path: 'routes.txt:1:route_type',
        message: 'required column is missing; no row of this file can be read',
      },
      { path: 'stop_times.txt', message: 'required file is missing' },
    ]);
  });

  it('a required file with a header and no rows is one error, not one per row that refers to it', async () => {
    for (const file of ['stops.txt', 'trips.txt', 'routes.txt']) {
      const feed = smallFeed();
      feed[file] = `${feed[file]!.split('\n')[0]}\n`;
      expect(failed(await importGtfs({ files: feed })), file).toEqual([
        { path: file, message: 'has a header but no rows: the feed cannot be read without them' },
      ]);
    }
  });

  it('reports unknown references and broken quotes at their rows', async () => {
    let feed = withLine(smallFeed(), 'trips.txt', 3, 'Q,WK,M2,Epsilon,0');
    feed = withLine(feed, 'stops.txt', 7, 'C,"Gamma,39.90,116.34,,');
    const issues = failed(await importGtfs({ files: feed }));
    // Files are read routes, calendars, trips, stops, transfers, stop_times; each row's problem once.
    expect(issues.map((i) => i.path)).toEqual([
      'trips.txt:3:route_id',
      'stops.txt:7',
      'transfers.txt:3:from_stop_id',
      'stop_times.txt:4:stop_id',
      'stop_times.txt:6:trip_id',
      'stop_times.txt:7:trip_id',
      'stop_times.txt:8:trip_id',
      'stop_times.txt:9:trip_id',
      'stop_times.txt:12:stop_id',
      'stop_times.txt:16:stop_id',
      'stop_times.txt:19:stop_id',
      'stop_times.txt:26:stop_id',
    ]);
    expect(issues[0]!.message).toBe('unknown route "Q" (not in routes.txt)');
    expect(issues[1]!.message).toBe('quoted field is not closed; the row is skipped');
    expect(issues[3]!.message).toBe('unknown stop "C" (not in stops.txt)');
  });

  it('reports a stop that arrives before the previous departure', async () => {
    const feed = withLine(smallFeed(), 'stop_times.txt', 4, 'M1,07:01:00,07:05:30,C,3');
    expect(failed(await importGtfs({ files: feed }))).toEqual([
      {
        path: 'stop_times.txt:4:arrival_time',
        message: 'arrives (07:01:00) before the previous stop\'s departure (07:02:30); trip "M1" is dropped',
      },
    ]);
  });

  it('answers random bytes with an issue about the zip', async () => {
    const issues = failed(
      await importGtfs({ zip: new Uint8Array([80, 75, 3, 4, 1, 2, 3]) }, { feedName: 'junk.zip' }),
    );
    expect(issues).toEqual([
      {
        path: 'junk.zip',
        message: 'not a zip file (no end-of-central-directory record; truncated or not a zip)',
      },
    ]);
  });

  it('throws a GtfsError (by name) with every issue from unwrapImport', async () => {
    const result = await importGtfs({ files: {} }, { feedName: 'empty' });
    let error: unknown;
    try {
      unwrapImport(result);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GtfsError);
    expect((error as GtfsError).name).toBe('GtfsError');
    expect((error as GtfsError).issues.map((i) => i.path)).toEqual([
      'routes.txt',
      'calendar.txt',
      'trips.txt',
      'stops.txt',
      'stop_times.txt',
    ]);
  });

  it('checks the caller’s options', async () => {
    const issues = failed(
      await importGtfs(
        { files: smallFeed() },
        {
          date: '2024-02-30',
          periods: [{ id: 'late', name: { en: 'late' }, start: '09:00', end: '08:00' }],
          routeTypes: { 3: 'coach' as never },
        },
      ),
    );
    // All at once, before the feed is read.
    expect(issues.map((i) => i.path)).toEqual([
      'options.periods[0]',
      'options.periods',
      'options.routeTypes["3"]',
      'options.date',
    ]);
  });
});

describe('progress and cancelling', () => {
  it('reports progress from 0 to 1 in order', async () => {
    const seen: number[] = [];
    await importGtfs({ files: smallFeed() }, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => k === 0 || f >= seen[k - 1]!)).toBe(true);
  });

  it('rejects with an AbortError when aborted, before or during the import', async () => {
    const before = new AbortController();
    before.abort();
    await expect(importGtfs({ files: smallFeed() }, { signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const during = new AbortController();
    const run = importGtfs(
      { files: smallFeed() },
      { signal: during.signal, onProgress: (f) => f > 0.2 && during.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
