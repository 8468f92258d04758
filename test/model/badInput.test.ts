/**
 * Bad input (DESIGN.md §4): every problem is reported at once, each with the JSON path and a message a
 * planner can act on, never a partial load and never an exception past the loader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import { resolveAssumptions } from '../../src/domain/assumptions';
import { childPath, type Issue } from '../../src/domain/issue';
import type { Network } from '../../src/domain/network';
import { DEFAULT_SURFACE } from '../../src/domain/surface';
import { loadNetwork } from '../../src/io/network';
import type { LoadResult } from '../../src/io/result';
import { loadScenario, loadScenarioFor } from '../../src/io/scenario';
import { at, line, network, scenario, station, zone } from '../support/fixtures';

// biome-ignore lint/suspicious/noExplicitAny: raw JSON under test is edited freely
type Json = any;

const FILE = 'toy.network.json';

function validNetwork(): Json {
  return JSON.parse(
    JSON.stringify(
      network({
        id: 'toy',
        zones: [zone('O', at(0, 100)), zone('D', at(12000, 100))],
        stations: [station('A', at(0)), station('B', at(6000)), station('C', at(12000))],
        lines: [line('L1', 'metro', ['A', 'B'], [600], 300), line('L2', 'metro', ['B', 'C'], [600], 300)],
        hubs: [],
        core: ['D'],
      }),
    ),
  );
}

function loadNet(value: Json | string): LoadResult<Network> {
  return loadNetwork({
    file: FILE,
    text: typeof value === 'string' ? value : JSON.stringify(value, null, 2),
  });
}

/** The issues of a failed load (the test fails if it loaded). */
function issuesOf<T>(result: LoadResult<T>, file = FILE): Issue[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.file).toBe(file);
  return result.issues;
}

// Random edits of valid files. Keys JavaScript treats specially are among the keys an edit may write.
const key = fc.constantFrom(
  'id',
  'stops',
  'toString',
  'valueOf',
  '__proto__',
  'constructor',
  'length',
  'line',
  'station',
  'at',
  'stations',
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(0.5, -1e308, 1e308),
    fc.constantFrom('A', 'L1', 'am-peak', '', 'toString'),
    fc.constantFrom({ toString: 1 }, { valueOf: null, toString: 'x' }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const edit = fc.record({
  path: fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 6 }),
  value,
  remove: fc.boolean(),
});

/** Walk `path` (each step an index into the keys of the object or array there) and set or delete. */
function applyEdit(root: Json, path: number[], value: unknown, remove: boolean): void {
  let node = root;
  for (let k = 0; k < path.length; k++) {
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[path[k]! % keys.length]!;
    if (k === path.length - 1) {
      if (remove && !Array.isArray(node)) delete node[key];
      else node[key] = value;
    } else node = node[key];
  }
}

describe('network files', () => {
  it('the valid fixture loads (so every failure below is the edit it makes)', () => {
    const result = loadNet(validNetwork());
    expect(result.ok).toBe(true);
  });

  it.each([
    ['an unexpected token', '{\n  "format": "commuteshed.network/1",\n  "id": }', 3, 9],
    ['a trailing comma', '{\n  "id": "x",\n}', 3, 1],
    ['a missing comma', '{\n  "id": "x"\n  "name": {}\n}', 3, 3],
    ['a misspelt literal', '{\n  "a": 1,\n  "b": nul}', 3, 8],
    ['an unterminated array', '[1, 2', 1, 6],
    ['an empty file', '', 1, 1],
    ['text after the value', '{}\n\nx', 3, 1],
    ['a single quote', "{\n 'id': 1}", 2, 2],
  ])('malformed JSON (%s) is one issue at $ with its line and column', (_what, text, lineNo, column) => {
    const issues = issuesOf(loadNet(text));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('$');
    expect(issues[0]!.message).toMatch(/^not valid JSON: /);
    expect(issues[0]!.message).toContain(`(line ${lineNo}, column ${column})`);
  });

  it('a byte-order mark is not an error', () => {
    expect(loadNet(`\uFEFF${JSON.stringify(validNetwork())}`).ok).toBe(true);
  });

  it('a wrong format tag', () => {
    expect(issuesOf(loadNet({ ...validNetwork(), format: 'commuteshed.network/2' }))).toEqual([
      { path: '$.format', message: 'must be "commuteshed.network/1", got "commuteshed.network/2"' },
    ]);
    expect(issuesOf(loadNet({ ...validNetwork(), format: undefined }))).toEqual([
      { path: '$.format', message: expect.stringMatching(/^missing/) },
    ]);
  });

  it('duplicate station, line, pattern, zone, hub and period ids', () => {
    const n = validNetwork();
    n.stations.push({ ...n.stations[0], coord: [0.5, 0.5] });
    n.lines.push({ ...structuredClone(n.lines[1]), name: { en: 'again' } });
    n.lines[0].patterns[1].direction = 0; // two "all" patterns in direction 0
    n.zones.push({ ...n.zones[0] });
    n.hubs = [
      { id: 'H', name: { en: 'H' }, stations: ['A', 'B'] },
      { id: 'H', name: { en: 'H2' }, stations: ['C', 'B'] },
    ];
    n.periods.push({ ...n.periods[0] });
    expect(issuesOf(loadNet(n))).toEqual(
      expect.arrayContaining([
        { path: '$.stations[3].id', message: 'duplicate station id "A"' },
        { path: '$.lines[2].id', message: 'duplicate line id "L2"' },
        { path: '$.lines[0].patterns[1].id', message: 'duplicate pattern id "all" in direction 0' },
        { path: '$.zones[2].id', message: 'duplicate zone id "O"' },
        { path: '$.hubs[1].id', message: 'duplicate hub id "H"' },
        { path: '$.periods[1].id', message: 'duplicate period id "am-peak"' },
        // and a station in two hubs
        { path: '$.hubs[1].stations[1]', message: 'station "B" is already in hub "H"' },
      ]),
    );
  });

  it('unknown stations, lines, zones, hubs and periods, each at its own path', () => {
    const n = validNetwork();
    n.lines[0].patterns[0].stops[1] = 'Q';
    n.lines[0].patterns[0].headways['pm-peak'] = 300;
    n.lines[1].patterns[0].servedAs = [{ fromStop: 1, line: 'L9', direction: 0 }];
    n.hubs = [{ id: 'H', name: { en: 'H' }, stations: ['A', 'Z'] }];
    n.transfers = [
      { at: { station: 'Y' }, from: { line: 'L8' }, walkSeconds: 60 },
      { at: { hub: 'nowhere' }, processingSeconds: 0 },
    ];
    n.core = [{ id: 'c', name: { en: 'c' }, zones: ['nope'] }];
    expect(issuesOf(loadNet(n))).toEqual([
      { path: '$.hubs[0].stations[1]', message: 'unknown station "Z"' },
      { path: '$.lines[0].patterns[0].stops[1]', message: 'unknown station "Q"' },
      { path: '$.lines[0].patterns[0].headways["pm-peak"]', message: 'unknown period "pm-peak"' },
      { path: '$.lines[1].patterns[0].servedAs[0].line', message: 'unknown line "L9"' },
      { path: '$.transfers[0].at.station', message: 'unknown station "Y"' },
      { path: '$.transfers[0].from.line', message: 'unknown line "L8"' },
      { path: '$.transfers[1].at.hub', message: 'unknown hub "nowhere"' },
      { path: '$.core[0].zones[0]', message: 'unknown zone "nope"' },
    ]);
  });

  it('negative, NaN-ish and missing times; zero and negative headways', () => {
    const n = validNetwork();
    const [p0, p1] = n.lines[0].patterns;
    const [q0, q1] = n.lines[1].patterns;
    p0.runSeconds = [-5];
    p0.dwellSeconds = [0, 'NaN'];
    p1.dwellSeconds = [-1, 0];
    p1.headways['am-peak'] = 0;
    q0.headways['am-peak'] = -300;
    q0.runSeconds = [null];
    delete q1.runSeconds;
    n.stations[0].processing = { entrySeconds: -60 };
    expect(issuesOf(loadNet(n))).toEqual([
      { path: '$.stations[0].processing.entrySeconds', message: 'must be ≥ 0 s, got -60' },
      { path: '$.lines[0].patterns[0].runSeconds[0]', message: 'must be ≥ 1 s, got -5' },
      { path: '$.lines[0].patterns[0].dwellSeconds[1]', message: 'expected number, got "NaN"' },
      { path: '$.lines[0].patterns[1].dwellSeconds[0]', message: 'must be ≥ 0 s, got -1' },
      { path: '$.lines[0].patterns[1].headways["am-peak"]', message: 'must be ≥ 30 s, got 0' },
      { path: '$.lines[1].patterns[0].runSeconds[0]', message: 'expected number, got null' },
      { path: '$.lines[1].patterns[0].headways["am-peak"]', message: 'must be ≥ 30 s, got -300' },
      { path: '$.lines[1].patterns[1].runSeconds', message: 'missing (expected array)' },
    ]);
  });

  it('runSeconds and dwellSeconds of the wrong length, on a line and on a loop', () => {
    const n = validNetwork();
    n.lines[0].patterns[0].runSeconds = [600, 600];
    n.lines[0].patterns[1].dwellSeconds = [0];
    n.lines[1].patterns[0] = {
      ...n.lines[1].patterns[0],
      stops: ['A', 'B', 'C'],
      loop: true,
      runSeconds: [60, 60],
      dwellSeconds: [0, 0, 0],
    };
    expect(issuesOf(loadNet(n))).toEqual([
      { path: '$.lines[0].patterns[0].runSeconds', message: 'expected 1 run times for 2 stops, got 2' },
      {
        path: '$.lines[0].patterns[1].dwellSeconds',
        message: 'expected 2 dwell times (one per stop), got 1',
      },
      {
        path: '$.lines[1].patterns[0].runSeconds',
        message: 'expected 3 run times for 3 stops on a loop, got 2',
      },
    ]);
  });

  it('a file with three problems of different kinds reports exactly those three', () => {
    const n = validNetwork();
    n.stations[1].layer = 'tram'; // schema
    n.lines[1].patterns[0].stops[0] = 'nowhere'; // reference
    n.zones.push({ ...n.zones[1] }); // duplicate
    const issues = issuesOf(loadNet(n));
    expect(issues.map((i) => i.path)).toEqual([
      '$.stations[1].layer',
      '$.zones[2].id',
      '$.lines[1].patterns[0].stops[0]',
    ]);
    expect(issues[0]!.message).toBe(
      'must be "trunk" or "intercity" or "suburban" or "metro" or "bus", got "tram"',
    );
  });

  it('unknown fields are named', () => {
    const n = validNetwork();
    n.lines[0].colour = '#ff0000';
    expect(issuesOf(loadNet(n))).toEqual([{ path: '$.lines[0]', message: 'unknown field "colour"' }]);
  });

  it('an object with a "length" field where a list is expected is an issue, not an exception', () => {
    const n = validNetwork();
    n.attribution = { length: { toString: 1 } };
    n.lines[0].patterns[0].stops = { length: [] };
    expect(issuesOf(loadNet(n))).toEqual(
      expect.arrayContaining([
        { path: '$.attribution', message: 'expected an array, got an object with a "length" field' },
        {
          path: '$.lines[0].patterns[0].stops',
          message: 'expected an array, got an object with a "length" field',
        },
      ]),
    );
  });

  it('valid JSON nested a hundred thousand levels deep where an id or a list is expected is an issue', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = JSON.stringify(validNetwork())
      .replace('"stops":["A"', `"stops":[${deep},"A"`)
      .replace('"id":"toy"', `"id":${deep}`)
      .replace('"hubs":[]', `"hubs":[{"id":"H","name":{"en":"H"},"stations":[${deep},"A"]}]`);
    expect(issuesOf(loadNet(text))).toEqual(
      expect.arrayContaining([
        { path: '$.id', message: 'expected string, got an array' },
        { path: '$.hubs[0].stations[0]', message: 'expected string, got an array' },
        { path: '$.lines[0].patterns[0].stops[0]', message: 'expected string, got an array' },
        { path: '$.lines[0].patterns[0].stops[0]', message: 'unknown station "a deeply nested array"' },
      ]),
    );
  });

  it('a network without zones is rejected; one without a core or lines loads with a warning', () => {
    const n = validNetwork();
    n.zones = [];
    expect(issuesOf(loadNet(n))).toEqual([
      { path: '$.zones', message: 'needs at least one zone (nothing to compute times between)' },
    ]);
    const bare = validNetwork();
    bare.core = [];
    bare.lines = [];
    const result = loadNet(bare);
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        {
          path: '$.core',
          message:
            'no core zones: time to the core and the 1-hour commute circle cannot be computed (name the core zones)',
        },
        { path: '$.lines', message: 'no rail lines: every trip is a walk' },
      ],
    });
    expect(loadNet(validNetwork())).not.toHaveProperty('warnings');
  });

  it('a zones file that is not a list of features is an issue of that file', () => {
    const n = validNetwork();
    delete n.zones;
    n.zonesFile = 'toy.zones.geojson';
    const zonesText = JSON.stringify({
      type: 'FeatureCollection',
      features: { length: { valueOf: 1, toString: 1 } },
    });
    const result = loadNetwork({
      file: FILE,
      text: JSON.stringify(n),
      zones: { file: 'toy.zones.geojson', text: zonesText },
    });
    expect(issuesOf(result, 'toy.zones.geojson')).toEqual([
      { path: '$.features', message: 'expected an array, got an object with a "length" field' },
    ]);
  });

  it('objects where strings are expected (even ones with their own toString) are issues, not exceptions', () => {
    const n = validNetwork();
    n.lines[0].patterns[0].direction = { toString: 1 };
    n.lines[0].patterns[0].id = { valueOf: 0, toString: 'x' };
    n.hubs = [{ id: 'H', name: { en: 'H' }, stations: [{ toString: null }, 'A'] }];
    n.transfers = [{ at: { stations: [{ toString: 2 }, 'A'] }, walkSeconds: 5 }];
    n.periods[0].start = { toString: [] };
    n.lines[1].patterns[0].stops = [{ toString: {} }, 'C'];
    n.core = [{ id: 'c', name: { en: 'c' }, zones: [{ toString: 1 }] }];
    const issues = issuesOf(loadNet(n));
    for (const path of [
      '$.lines[0].patterns[0].direction',
      '$.lines[0].patterns[0].id',
      '$.hubs[0].stations[0]',
      '$.transfers[0].at.stations[0]',
      '$.periods[0].start',
      '$.lines[1].patterns[0].stops[0]',
      '$.core[0].zones[0]',
    ]) {
      expect(issues.map((i) => i.path)).toContain(path);
    }
  });

  it('never throws and never loads a partial network: random edits of a valid file (property)', () => {
    const base = validNetwork();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const n = structuredClone(base);
        for (const { path, value: v, remove } of edits) applyEdit(n, path, v, remove);
        const text = JSON.stringify(n);
        let result: LoadResult<Network> | undefined;
        expect(() => {
          result = loadNetwork({ file: FILE, text });
        }).not.toThrow();
        if (result && !result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const i of result.issues) {
            expect(i.path).toMatch(/^\$/);
            expect(i.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});

/** JSON paths of every number in a value, with a setter for each. */
function numbersIn(root: Json): { path: string; set: (v: number) => void }[] {
  const found: { path: string; set: (v: number) => void }[] = [];
  const walk = (node: Json, path: string) => {
    for (const [k, v] of Object.entries(node)) {
      const p = Array.isArray(node) ? `${path}[${k}]` : childPath(path, k);
      if (typeof v === 'number') found.push({ path: p, set: (x) => (node[k] = x) });
      else if (v !== null && typeof v === 'object') walk(v, p);
    }
  };
  walk(root, '$');
  return found;
}

describe('physical domains (every number a file can carry)', () => {
  /** The valid network with every optional number present. */
  const fullNetwork = (): Json => {
    const n = validNetwork();
    n.assumptions = {
      ...resolveAssumptions(n.assumptions),
      surface: {
        ...structuredClone(DEFAULT_SURFACE.urban),
        byClass: { rural: structuredClone(DEFAULT_SURFACE.rural) },
        byPeriod: { 'am-peak': { bus: { speedKmh: 16, headwaySeconds: 480 } } },
      },
    };
    n.zones[1].class = 'rural';
    n.feeders = [{ id: 'f', station: 'B', radiusMeters: 3000, headways: { 'am-peak': 600 }, speedKmh: 20 }];
    n.stations[0].processing = { entrySeconds: 120, exitSeconds: 60 };
    n.transfers = [{ at: { station: 'B' }, walkSeconds: 120, processingSeconds: 60 }];
    n.lines[1].patterns[0].servedAs = [{ fromStop: 1, line: 'L1', direction: 0 }];
    const [lon, lat] = n.zones[0].centroid;
    n.zones[0].geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.01, lat],
          [lon, lat + 0.01, 40],
          [lon, lat],
        ],
      ],
    };
    return n;
  };
  /** A scenario with a number in every place a modification can hold one. */
  const fullScenario = (): Json =>
    JSON.parse(
      JSON.stringify(
        scenario(
          [
            {
              type: 'add-line',
              line: { id: 'N', name: { en: 'N' }, layer: 'suburban', color: '#123456' },
              stops: ['A', { id: 'X', name: { en: 'X' }, coord: [0.05, 0.01], layer: 'suburban' }],
              headways: { 'am-peak': 600 },
              speedKmh: 80,
              runSeconds: [300],
              dwellSeconds: 30,
            },
            { type: 'set-headway', line: 'L1', headways: { 'am-peak': 120 } },
            { type: 'adjust-speed', line: 'L2', speedFactor: 1.2 },
            {
              type: 'add-pattern',
              line: 'L1',
              pattern: { id: 'e', stops: ['A', 'B'], headways: { 'am-peak': 900 } },
            },
            { type: 'through-run', from: 'L1', to: 'L2', station: 'B', headways: { 'am-peak': 600 } },
            { type: 'set-transfer', at: { station: 'B' }, walkSeconds: 60, processingSeconds: 0 },
            { type: 'set-processing', layer: 'metro', entrySeconds: 60, exitSeconds: 30 },
            {
              type: 'add-feeder',
              station: 'A',
              radiusMeters: 3000,
              headways: { 'am-peak': 600 },
              speedKmh: 20,
            },
          ],
          'toy',
        ),
      ),
    );

  it('the full fixtures are valid, so each rejection below is the one number changed', () => {
    expect(loadNet(fullNetwork())).toMatchObject({ ok: true });
    expect(loadScenario('s.scenario.json', JSON.stringify(fullScenario()))).toMatchObject({ ok: true });
    expect(numbersIn(fullNetwork()).length).toBeGreaterThan(60);
    expect(numbersIn(fullScenario()).length).toBeGreaterThan(12);
  });

  // 1e308 and −1e308 pass JSON and `typeof number`; 1e12 seconds overflowed the engine's Int32 times.
  it.each([1e308, -1e308, 1e12])('%s anywhere in a network is rejected at its own path', (bad) => {
    for (const { path } of numbersIn(fullNetwork())) {
      // Direction 1e12 is not a direction either: every number, with no exception.
      const n = fullNetwork();
      numbersIn(n)
        .find((x) => x.path === path)!
        .set(bad);
      const issues = issuesOf(loadNet(n));
      expect(
        issues.map((i) => i.path),
        path,
      ).toContain(path);
    }
  });

  it.each([1e308, -1e308, 1e12])('%s anywhere in a scenario is rejected at its own path', (bad) => {
    for (const { path } of numbersIn(fullScenario())) {
      const s = fullScenario();
      numbersIn(s)
        .find((x) => x.path === path)!
        .set(bad);
      const issues = issuesOf(loadScenario('s.scenario.json', JSON.stringify(s)), 's.scenario.json');
      expect(
        issues.map((i) => i.path),
        path,
      ).toContain(path);
    }
  });

  it('the messages give the bound with its unit and the value found', () => {
    const n = fullNetwork();
    n.lines[0].patterns[0].headways['am-peak'] = 1e-9;
    n.lines[0].patterns[0].runSeconds[0] = 1e-9;
    n.stations[0].processing.entrySeconds = 1e308;
    n.zones[0].population = 1e308;
    expect(issuesOf(loadNet(n))).toEqual([
      { path: '$.stations[0].processing.entrySeconds', message: 'must be ≤ 10,800 s, got 1e+308' },
      { path: '$.lines[0].patterns[0].runSeconds[0]', message: 'must be ≥ 1 s, got 1e-9' },
      { path: '$.lines[0].patterns[0].headways["am-peak"]', message: 'must be ≥ 30 s, got 1e-9' },
      { path: '$.zones[0].population', message: 'must be ≤ 100,000,000 people, got 1e+308' },
    ]);
  });

  it('a station moved across the world with its run times unchanged is rejected at the runs and at the station', () => {
    // B sits 6 km from A and C, 600 s away by metro; moved to (−150, −60) those 600 s would be 1.2 M km/h.
    const n = fullNetwork();
    n.stations[1].coord = [-150, -60];
    const issues = issuesOf(loadNet(n));
    expect(issues.map((i) => i.path)).toEqual([
      '$.lines[0].patterns[0].runSeconds[0]',
      '$.lines[1].patterns[0].runSeconds[0]',
      '$.stations[1].coord',
    ]);
    expect(issues[0]!.message).toMatch(
      /^"A" and "B" are [\d,]+ km apart in a straight line, yet the run takes 600 s: [\d,]+ km\/h even with a minute's slack, and no train runs faster than 600 km\/h\. A station position or this run time is wrong \(\$\.stations\[0\]\.coord, \$\.stations\[1\]\.coord\)\.$/,
    );
    expect(issues[2]!.message).toBe(
      'is implausibly far from 2 stations it is timed against ("A", "C"): this position is probably wrong',
    );
  });

  it('a station a few hundred metres off, or a fast but real run, is accepted', () => {
    // 12 km in 60 s is 720 km/h, but with a minute's slack (timetables round) 360 km/h: plausible.
    const n = fullNetwork();
    n.stations[1].coord = at(6400, 300);
    n.lines[0].patterns[0].runSeconds = [1];
    expect(loadNet(n).ok).toBe(true);
  });

  it('"__proto__" as a period is reported like any unknown key, never dropped', () => {
    const s = fullScenario();
    s.modifications[1].headways = JSON.parse('{"__proto__": 300, "am-peak": 120}');
    expect(issuesOf(loadScenario('s.scenario.json', JSON.stringify(s)), 's.scenario.json')).toEqual([
      {
        path: '$.modifications[1].headways.__proto__',
        message: '"__proto__" is not a name (of a period, station, line or field)',
      },
    ]);
    const n = fullNetwork();
    const text = JSON.stringify(n).replace(
      '"headways":{"am-peak":300}',
      '"headways":{"am-peak":300,"__proto__":60}',
    );
    expect(issuesOf(loadNet(text)).map((i) => i.path)).toEqual(['$.lines[0].patterns[0].headways.__proto__']);
  });
});

describe('scenario files', () => {
  const SFILE = 'toy-express.scenario.json';
  const valid = () =>
    JSON.parse(
      JSON.stringify(scenario([{ type: 'set-headway', line: 'L1', headways: { 'am-peak': 120 } }], 'toy')),
    );
  const load = (value: Json | string) =>
    loadScenario(SFILE, typeof value === 'string' ? value : JSON.stringify(value, null, 2));

  it('the valid scenario loads', () => {
    expect(load(valid()).ok).toBe(true);
  });

  it('malformed JSON has a line and a column', () => {
    const issues = issuesOf(
      load('{\n  "format": "commuteshed.scenario/1",\n  "modifications": [,]\n}'),
      SFILE,
    );
    expect(issues).toEqual([{ path: '$', message: expect.stringContaining('(line 3, column 21)') }]);
  });

  it('a wrong format tag', () => {
    expect(issuesOf(load({ ...valid(), format: 'commuteshed.network/1' }), SFILE)).toEqual([
      { path: '$.format', message: 'must be "commuteshed.scenario/1", got "commuteshed.network/1"' },
    ]);
  });

  it('an unknown modification type names the types there are', () => {
    const s = valid();
    s.modifications.push({ type: 'add-tram', line: 'L1' });
    const issues = issuesOf(load(s), SFILE);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('$.modifications[1].type');
    expect(issues[0]!.message).toMatch(/add-line.*close-station/);
  });

  it('bad values in modifications: every one, with its path', () => {
    const s = valid();
    s.modifications = [
      { type: 'set-headway', line: 'L1', headways: { 'am-peak': 0 } },
      { type: 'adjust-speed', line: 'L2', speedFactor: -1 },
      {
        type: 'add-line',
        line: { id: 'N', name: { en: 'N' }, layer: 'metro', color: 'red' },
        stops: ['A'],
        headways: {},
        runSeconds: [],
      },
      { type: 'set-transfer', at: { station: 'B' }, walkSeconds: 'fast' },
    ];
    expect(issuesOf(load(s), SFILE)).toEqual([
      { path: '$.modifications[0].headways["am-peak"]', message: 'must be ≥ 30 s, got 0' },
      { path: '$.modifications[1].speedFactor', message: 'must be ≥ 0.1, got -1' },
      { path: '$.modifications[2].line.color', message: 'must be a colour "#RRGGBB"' },
      { path: '$.modifications[2].stops', message: 'needs at least 2 items' },
      { path: '$.modifications[3].walkSeconds', message: 'expected number, got "fast"' },
    ]);
  });

  it('never throws: random edits of a valid scenario (property)', () => {
    const base = valid();
    base.modifications.push(
      {
        type: 'add-line',
        line: { id: 'N', name: { en: 'N' }, layer: 'metro', color: '#000000' },
        stops: ['A', { id: 'X', name: { en: 'X' }, coord: [0, 0] }],
        headways: { 'am-peak': 300 },
        speedKmh: 30,
      },
      { type: 'set-transfer', at: { stations: ['A', 'B'] }, from: { line: 'L1' }, walkSeconds: 60 },
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const s = structuredClone(base);
        for (const { path, value: v, remove } of edits) applyEdit(s, path, v, remove);
        expect(() => load(s)).not.toThrow();
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('checked against its network (loadScenarioFor), the same input is issues, not an exception', () => {
    const net = loadNet(validNetwork());
    if (!net.ok) throw new Error('fixture');
    const s = valid();
    s.modifications = [
      { type: 'add-line', line: 'x', stops: { length: { toString: 1 } } },
      { type: 'set-headway', line: 'L9', headways: { 'am-peak': 60 } },
    ];
    let result: LoadResult<unknown> | undefined;
    expect(() => {
      result = loadScenarioFor(net.value, SFILE, JSON.stringify(s));
    }).not.toThrow();
    expect(result).toMatchObject({ ok: false, file: SFILE });
    expect(result!.ok ? [] : result!.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['$.modifications[0].stops', '$.modifications[1].line']),
    );
  });

  it('an object with a "length" field where a list of stops is expected', () => {
    const s = valid();
    s.modifications = [
      {
        type: 'add-line',
        line: { id: 'N', name: { en: 'N' }, layer: 'metro', color: '#000000' },
        stops: { length: { toString: 1 } },
        headways: { 'am-peak': 300 },
        speedKmh: 30,
      },
    ];
    expect(issuesOf(load(s), SFILE)).toEqual([
      { path: '$.modifications[0].stops', message: 'expected an array, got an object with a "length" field' },
    ]);
  });

  it('duplicate modification ids', () => {
    const s = valid();
    s.modifications = [
      { id: 'm', type: 'remove-line', line: 'L1' },
      { id: 'm', type: 'remove-line', line: 'L2' },
    ];
    expect(issuesOf(load(s), SFILE)).toEqual([
      { path: '$.modifications[1].id', message: 'duplicate modification id "m"' },
    ]);
  });

  it('a modification of a line removed earlier says which modification removed it', () => {
    const net = loadNet(validNetwork());
    if (!net.ok) throw new Error('fixture');
    // Listed first, but remove-line applies first in the fixed order.
    const s = valid();
    s.modifications = [
      { type: 'set-headway', line: 'L2', headways: { 'am-peak': 120 } },
      { type: 'adjust-speed', line: 'L1', speedFactor: 1.2 },
      { type: 'remove-line', line: 'L2' },
      {
        type: 'add-pattern',
        line: 'L2',
        pattern: { id: 'x', stops: ['B', 'C'], headways: { 'am-peak': 600 } },
      },
    ];
    const loaded = load(s);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const applied = applyScenario(net.value, loaded.value);
    expect(applied).toEqual({
      ok: false,
      issues: [
        { path: '$.modifications[3].line', message: 'line "L2" was removed by modification 2 (remove-line)' },
        { path: '$.modifications[0].line', message: 'line "L2" was removed by modification 2 (remove-line)' },
      ],
    });
  });

  it('a scenario with three problems found only against the network reports all three, and no network', () => {
    const net = loadNet(validNetwork());
    if (!net.ok) throw new Error('fixture');
    const loaded = load({
      ...valid(),
      modifications: [
        { type: 'set-headway', line: 'L3', headways: { 'am-peak': 120 } },
        { type: 'close-station', station: 'Q' },
        { type: 'set-headway', line: 'L1', headways: { 'pm-peak': 120 } },
      ],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(applyScenario(net.value, loaded.value)).toEqual({
      ok: false,
      issues: [
        { path: '$.modifications[1].station', message: 'unknown station "Q"' },
        { path: '$.modifications[0].line', message: 'unknown line "L3"' },
        {
          path: '$.modifications[2].headways["pm-peak"]',
          message: 'unknown period "pm-peak" (network has am-peak)',
        },
      ],
    });
  });

  it('changes valid one by one that compound out of bounds are reported at the one that crosses', () => {
    // Speed factors multiply: L1's 600-s run becomes 6,000 s, then 60,000 s, then 600,000 s (> 1 day).
    const net = loadNet(validNetwork());
    if (!net.ok) throw new Error('fixture');
    const s = valid();
    s.modifications = Array.from({ length: 4 }, () => ({
      type: 'adjust-speed',
      line: 'L1',
      speedFactor: 0.1,
    }));
    const result = loadScenarioFor(net.value, SFILE, JSON.stringify(s));
    expect(issuesOf(result, SFILE)).toEqual([
      {
        path: '$.modifications[2]',
        message:
          'with the changes listed before it, this makes line "L1" (pattern "all", direction 0) runSeconds[0]: must be ≤ 86,400 s, got 600000',
      },
      {
        path: '$.modifications[2]',
        message:
          'with the changes listed before it, this makes line "L1" (pattern "all", direction 1) runSeconds[0]: must be ≤ 86,400 s, got 600000',
      },
    ]);
  });

  it('a new line whose run times cannot join its stations is reported at its modification', () => {
    const net = loadNet(validNetwork());
    if (!net.ok) throw new Error('fixture');
    const s = valid();
    s.modifications = [
      {
        type: 'add-line',
        line: { id: 'N', name: { en: 'N' }, layer: 'suburban', color: '#123456' },
        stops: ['A', { id: 'X', name: { en: 'X' }, coord: [60, 30] }],
        headways: { 'am-peak': 600 },
        runSeconds: [300],
      },
    ];
    const issues = issuesOf(loadScenarioFor(net.value, SFILE, JSON.stringify(s)), SFILE);
    // Both directions join the same two stations: one issue.
    expect(issues.map((i) => i.path)).toEqual(['$.modifications[0]']);
    expect(issues[0]!.message).toMatch(
      /^with the changes listed before it, this makes line "N" \(pattern "[^"]+", direction 0\) implausible: "A" and "X" are [\d,]+ km apart in a straight line, yet the run takes 300 s/,
    );
  });

  it('a scenario for another network', () => {
    const net = loadNet(validNetwork());
    if (!net.ok) throw new Error('fixture');
    const result = applyScenario(net.value, { ...valid(), network: 'beijing' });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: '$.network', message: 'scenario is for network "beijing", not "toy"' }],
    });
  });
});
