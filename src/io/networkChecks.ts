import { childPath, type Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import { clockToSeconds } from '../domain/units';
import { implausibleHopText, isPlausibleHop } from './plausibility';

/**
 * Cross-reference checks a schema cannot express: unique ids, known references, array lengths that must
 * agree. Runs on the raw parsed value, tolerating parts the schema rejected, so one pass reports both kinds.
 */
export function checkNetworkReferences(raw: unknown): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(raw)) return issues;
  const list = (key: string): { item: Record<string, unknown>; path: string }[] =>
    Array.isArray(raw[key])
      ? (raw[key] as unknown[]).flatMap((item, k) =>
          isObject(item) ? [{ item, path: childPath(childPath('$', key), k) }] : [],
        )
      : [];

  const periods = uniqueIds(list('periods'), issues, 'period');
  if (Array.isArray(raw.periods) && !periods.has('am-peak')) {
    issue('$.periods', 'needs the period "am-peak" (07:00–09:00), the one every analysis has');
  }
  for (const { item, path } of list('periods')) {
    const start = clockToSeconds(show(item.start));
    const end = clockToSeconds(show(item.end));
    if (start >= end)
      issue(childPath(path, 'end'), `period ends (${show(item.end)}) before it starts (${show(item.start)})`);
  }
  const stations = uniqueIds(list('stations'), issues, 'station');
  const zones = uniqueIds(list('zones'), issues, 'zone');
  const lines = uniqueIds(list('lines'), issues, 'line');
  const hubs = uniqueIds(list('hubs'), issues, 'hub');
  uniqueIds(list('core'), issues, 'core area');

  const hubOf = new Map<string, string>();
  for (const { item, path } of list('hubs')) {
    arrayOf(item.stations).forEach((s, k) => {
      const p = childPath(childPath(path, 'stations'), k);
      if (!stations.has(show(s))) issue(p, `unknown station "${show(s)}"`);
      else if (hubOf.has(show(s))) issue(p, `station "${show(s)}" is already in hub "${hubOf.get(show(s))}"`);
      else hubOf.set(show(s), show(item.id));
    });
  }

  for (const { item: line, path } of list('lines')) {
    const seen = new Set<string>();
    arrayOf(line.patterns).forEach((p, k) => {
      if (!isObject(p)) return;
      const pp = childPath(childPath(path, 'patterns'), k);
      const key = `${show(p.direction)}/${show(p.id)}`;
      if (seen.has(key))
        issue(childPath(pp, 'id'), `duplicate pattern id "${show(p.id)}" in direction ${show(p.direction)}`);
      seen.add(key);
      checkPattern(p, pp, { stations, periods, lines }, issue);
    });
  }

  for (const { item: rule, path } of list('transfers')) {
    const at = rule.at;
    if (isObject(at)) {
      if (typeof at.station === 'string' && !stations.has(at.station))
        issue(`${path}.at.station`, `unknown station "${at.station}"`);
      if (typeof at.hub === 'string' && !hubs.has(at.hub)) issue(`${path}.at.hub`, `unknown hub "${at.hub}"`);
      if (Array.isArray(at.stations)) {
        const [a, b] = at.stations.map(show);
        at.stations.forEach((s, k) => {
          if (!stations.has(show(s))) issue(`${path}.at.stations[${k}]`, `unknown station "${show(s)}"`);
        });
        if (
          a !== b &&
          stations.has(a!) &&
          stations.has(b!) &&
          (!hubOf.has(a!) || hubOf.get(a!) !== hubOf.get(b!))
        ) {
          issue(
            `${path}.at.stations`,
            `"${a}" and "${b}" are not in one hub, so riders cannot change between them`,
          );
        }
      }
    }
    for (const side of ['from', 'to'] as const) {
      const s = rule[side];
      if (isObject(s) && typeof s.line === 'string' && !lines.has(s.line))
        issue(`${path}.${side}.line`, `unknown line "${s.line}"`);
    }
    if (rule.walkSeconds === undefined && rule.processingSeconds === undefined) {
      issue(path, 'a transfer rule sets walkSeconds, processingSeconds or both');
    }
  }

  uniqueIds(list('regions'), issues, 'region');
  uniqueIds(list('feeders'), issues, 'feeder');
  for (const { item: feeder, path } of list('feeders')) {
    if (typeof feeder.station === 'string' && !stations.has(feeder.station))
      issue(`${path}.station`, `unknown station "${feeder.station}"`);
    if (isObject(feeder.headways)) {
      for (const period of Object.keys(feeder.headways))
        if (!periods.has(period)) issue(childPath(`${path}.headways`, period), `unknown period "${period}"`);
    }
  }
  checkRetiredAssumptions(raw.assumptions, issue);
  const surface = isObject(raw.assumptions) ? raw.assumptions.surface : undefined;
  if (isObject(surface) && isObject(surface.byPeriod)) {
    for (const period of Object.keys(surface.byPeriod))
      if (!periods.has(period))
        issue(childPath('$.assumptions.surface.byPeriod', period), `unknown period "${period}"`);
  }

  for (const { item: area, path } of list('core')) {
    arrayOf(area.zones).forEach((z, k) => {
      if (zones.size > 0 && !zones.has(show(z))) issue(`${path}.zones[${k}]`, `unknown zone "${show(z)}"`);
    });
  }
  if (raw.zones === undefined && raw.zonesFile === undefined)
    issue('$.zones', 'give zones inline or a zonesFile');
  if (raw.zones !== undefined && raw.zonesFile !== undefined)
    issue('$.zonesFile', 'give zones inline or a zonesFile, not both');
  return issues;
}

/**
 * Assumptions an earlier format had, now modelled by surface modes: named with what replaces them (the
 * schema alone would only say "unrecognized key").
 */
function checkRetiredAssumptions(a: unknown, issue: (path: string, message: string) => void): void {
  if (!isObject(a)) return;
  if ('feeder' in a)
    issue(
      '$.assumptions.feeder',
      'feeder access is now the surface modes: remove "feeder" and, where the defaults do not fit, set assumptions.surface.bus / .bike (DESIGN.md §2.1)',
    );
  if (isObject(a.layers)) {
    for (const [layer, l] of Object.entries(a.layers)) {
      if (isObject(l) && 'accessSpeedKmh' in l)
        issue(
          childPath(childPath('$.assumptions.layers', layer), 'accessSpeedKmh'),
          'access is walked at walkSpeedKmh, or taken by bike or bus (assumptions.surface): remove "accessSpeedKmh"',
        );
    }
  }
}

function checkPattern(
  p: Record<string, unknown>,
  path: string,
  known: { stations: Set<string>; periods: Set<string>; lines: Set<string> },
  issue: (path: string, message: string) => void,
): void {
  const stops = arrayOf(p.stops);
  stops.forEach((s, k) => {
    if (!known.stations.has(show(s))) issue(`${path}.stops[${k}]`, `unknown station "${show(s)}"`);
    else if (k > 0 && stops[k - 1] === s) issue(`${path}.stops[${k}]`, `station "${show(s)}" twice in a row`);
  });
  const hops = p.loop === true ? stops.length : stops.length - 1;
  if (Array.isArray(p.runSeconds) && p.runSeconds.length !== hops) {
    issue(
      `${path}.runSeconds`,
      `expected ${hops} run times for ${stops.length} stops${p.loop ? ' on a loop' : ''}, got ${p.runSeconds.length}`,
    );
  }
  if (Array.isArray(p.dwellSeconds) && p.dwellSeconds.length !== stops.length) {
    issue(
      `${path}.dwellSeconds`,
      `expected ${stops.length} dwell times (one per stop), got ${p.dwellSeconds.length}`,
    );
  }
  if (isObject(p.headways)) {
    for (const period of Object.keys(p.headways)) {
      // "__proto__" is reported by the validator (zodIssues), whatever its place.
      if (!known.periods.has(period) && period !== '__proto__')
        issue(childPath(`${path}.headways`, period), `unknown period "${period}"`);
    }
  }
  let last = -1;
  arrayOf(p.servedAs).forEach((s, k) => {
    if (!isObject(s)) return;
    const sp = `${path}.servedAs[${k}]`;
    if (typeof s.line === 'string' && !known.lines.has(s.line))
      issue(`${sp}.line`, `unknown line "${s.line}"`);
    if (typeof s.fromStop === 'number') {
      if (s.fromStop >= stops.length)
        issue(`${sp}.fromStop`, `stop index ${s.fromStop} is past the last stop (${stops.length - 1})`);
      if (s.fromStop <= last) issue(`${sp}.fromStop`, 'servedAs entries must be in increasing stop order');
      last = s.fromStop;
    }
  });
}

function uniqueIds(
  items: { item: Record<string, unknown>; path: string }[],
  issues: Issue[],
  what: string,
): Set<string> {
  const ids = new Set<string>();
  for (const { item, path } of items) {
    if (typeof item.id !== 'string') continue;
    if (ids.has(item.id)) issues.push({ path: `${path}.id`, message: `duplicate ${what} id "${item.id}"` });
    ids.add(item.id);
  }
  return ids;
}

/**
 * A raw value as message text: a string as it is, anything else as (short) JSON. Never String() or a
 * template literal on a raw object: JSON such as {"toString": 1} makes them throw.
 */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null) return String(v);
  // JSON.stringify recurses: a value nested a hundred thousand levels deep overflows it.
  try {
    const text = JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return Array.isArray(v) ? 'a deeply nested array' : 'a deeply nested object';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Station positions against run times (io/plausibility.ts), on a network that passed its schema: each
 * implausible pair of stations once, at the first run that joins them, and a station in two or more such
 * pairs at its position (that one is probably the misplaced one).
 */
export function checkNetworkGeography(network: Pick<Network, 'stations' | 'lines'>): Issue[] {
  const issues: Issue[] = [];
  const stations = new Map(network.stations.map((s, k) => [s.id, { station: s, k }]));
  const seen = new Set<string>();
  const pairsOf = new Map<string, string[]>();
  network.lines.forEach((line, l) => {
    line.patterns.forEach((p, k) => {
      const hops = p.loop ? p.stops.length : p.stops.length - 1;
      for (let h = 0; h < hops; h++) {
        const a = stations.get(p.stops[h]!);
        const b = stations.get(p.stops[(h + 1) % p.stops.length]!);
        const run = p.runSeconds[h];
        if (!a || !b || run === undefined) continue;
        if (isPlausibleHop(a.station.coord, b.station.coord, run)) continue;
        const pair = [a.station.id, b.station.id].sort().join('\u0000');
        if (seen.has(pair)) continue;
        seen.add(pair);
        for (const [s, other] of [
          [a, b],
          [b, a],
        ] as const)
          pairsOf.set(s.station.id, [...(pairsOf.get(s.station.id) ?? []), other.station.id]);
        issues.push({
          path: `$.lines[${l}].patterns[${k}].runSeconds[${h}]`,
          message: `${implausibleHopText(a.station, b.station, run)} ($.stations[${a.k}].coord, $.stations[${b.k}].coord).`,
        });
      }
    });
  });
  for (const [id, others] of pairsOf) {
    if (others.length < 2) continue;
    issues.push({
      path: `$.stations[${stations.get(id)!.k}].coord`,
      message: `is implausibly far from ${others.length} stations it is timed against (${others
        .slice(0, 3)
        .map((o) => `"${o}"`)
        .join(', ')}${others.length > 3 ? ', …' : ''}): this position is probably wrong`,
    });
  }
  return issues;
}
