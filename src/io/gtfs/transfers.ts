import { greatCircleMeters } from '../../domain/geo';
import type { LayerId } from '../../domain/layer';
import type { Hub, Station } from '../../domain/station';
import type { TransferRule, TransferSide } from '../../domain/transfer';
import { MAX_TRANSFER_WALK_SECONDS } from '../schema/common';
import type { Row, TableSpec } from './fields';
import { weightedMedian } from './patterns';
import type { RouteTable } from './routes';
import type { StopTable } from './stops';

interface TransferRow {
  from: number;
  to: number;
  type: number;
  minTime: number | undefined;
  fromRoute: number | undefined;
  toRoute: number | undefined;
  tripLevel: boolean;
  line: number;
}

/** transfers.txt; needs stops.txt and routes.txt read first. */
export class TransferTable {
  readonly rows: TransferRow[] = [];

  constructor(
    private readonly stops: StopTable,
    private readonly routes: RouteTable,
  ) {}

  readonly spec: TableSpec = {
    file: 'transfers.txt',
    required: [],
    optional: [
      'from_stop_id',
      'to_stop_id',
      'transfer_type',
      'min_transfer_time',
      'from_route_id',
      'to_route_id',
      'from_trip_id',
      'to_trip_id',
    ],
    row: (r: Row) => {
      const type = r.int('transfer_type', 0, 5, 0);
      let minTime = r.int('min_transfer_time', 0, 86_400, -1);
      if (type === undefined || minTime === undefined) return false;
      if (minTime > MAX_TRANSFER_WALK_SECONDS) {
        // The model's domain: a change that takes more than an hour is not a change within a station.
        r.warn(
          'min_transfer_time',
          `${minTime} s is longer than any change (at most ${MAX_TRANSFER_WALK_SECONDS} s); the row's time is ignored and the defaults apply`,
        );
        minTime = -1;
      }
      const tripLevel = r.text('from_trip_id') !== '' || r.text('to_trip_id') !== '';
      // In-seat transfers (4, 5) name trips, not stops.
      if (type >= 4) return 'skip';
      let unreadable = false;
      const ref = (
        column: string,
        table: { index: ReadonlyMap<string, number>; readable: boolean },
        what: string,
      ): number | undefined | null => {
        const v = r.text(column);
        if (v === '') return null;
        const k = table.index.get(v);
        if (k === undefined && table.readable) r.error(column, `unknown ${what} "${v}"`);
        if (k === undefined && !table.readable) unreadable = true;
        return k;
      };
      const from = ref('from_stop_id', this.stops, 'stop');
      const to = ref('to_stop_id', this.stops, 'stop');
      const fromRoute = ref('from_route_id', this.routes, 'route');
      const toRoute = ref('to_route_id', this.routes, 'route');
      if (!r.ok || unreadable) return false;
      if (from === null || to === null || from === undefined || to === undefined) {
        r.error(from === null ? 'from_stop_id' : 'to_stop_id', 'required for transfer_type 0–3');
        return false;
      }
      this.rows.push({
        from,
        to,
        type,
        minTime: minTime < 0 ? undefined : minTime,
        fromRoute: fromRoute ?? undefined,
        toRoute: toRoute ?? undefined,
        tripLevel,
        line: r.line,
      });
      return true;
    },
  };
}

/** What transfers.txt became, for the report. */
export interface TransferCounts {
  rows: number;
  /** Rules with a min_transfer_time. */
  rules: number;
  /** Pairs of different stations linked (grouped into hubs). */
  links: number;
  notPossible: number;
  tripLevel: number;
  /** Rows at stations or routes the import does not carry. */
  unused: number;
}

/**
 * Transfer rules and hub links from transfers.txt. Stops map to their stations (a station split by layer
 * maps to each of its parts, or to the route's layer when the row names a route). A row between different
 * stations links them into one hub; a min_transfer_time becomes the rule's walk time (the median where
 * several rows, e.g. platform to platform, land on one station pair). transfer_type 3 cannot be modelled:
 * rules set times but cannot forbid a change.
 */
export function buildTransfers(
  table: TransferTable,
  /** Stations of a stop (a split station's part of the stop's lines' layer, or of `layer`). */
  stationsOf: (stop: number, layer: LayerId | undefined) => string[],
  lineOfRoute: (route: number) => { id: string; layer: LayerId } | undefined,
): { rules: TransferRule[]; links: [string, string][]; counts: TransferCounts } {
  const counts: TransferCounts = {
    rows: table.rows.length,
    rules: 0,
    links: 0,
    notPossible: 0,
    tripLevel: 0,
    unused: 0,
  };
  const groups = new Map<string, { rule: TransferRule; times: number[] }>();
  const links = new Map<string, [string, string]>();
  for (const row of table.rows) {
    if (row.type === 3) {
      counts.notPossible++;
      continue;
    }
    if (row.tripLevel) {
      counts.tripLevel++;
      continue;
    }
    const side = (route: number | undefined): { side?: TransferSide; layer?: LayerId } | undefined => {
      if (route === undefined) return {};
      const line = lineOfRoute(route);
      return line ? { side: { line: line.id }, layer: line.layer } : undefined;
    };
    const fromSide = side(row.fromRoute);
    const toSide = side(row.toRoute);
    const fromStations = fromSide ? stationsOf(row.from, fromSide.layer) : [];
    const toStations = toSide ? stationsOf(row.to, toSide.layer) : [];
    if (fromStations.length === 0 || toStations.length === 0) {
      counts.unused++;
      continue;
    }
    for (const a of fromStations) {
      for (const b of toStations) {
        if (a !== b && !links.has(`${a}\u0000${b}`)) links.set(`${a}\u0000${b}`, [a, b]);
        if (row.minTime === undefined) continue;
        const rule: TransferRule = { at: a === b ? { station: a } : { stations: [a, b] } };
        if (fromSide!.side) rule.from = fromSide!.side;
        if (toSide!.side) rule.to = toSide!.side;
        const key = JSON.stringify(rule);
        const g = groups.get(key);
        if (g) g.times.push(row.minTime);
        else groups.set(key, { rule, times: [row.minTime] });
      }
    }
  }
  const rules = [...groups.values()].map(({ rule, times }) => ({
    ...rule,
    walkSeconds: Math.round(weightedMedian(times.map((t) => [t, 1]))),
  }));
  counts.rules = rules.length;
  counts.links = links.size;
  return { rules, links: [...links.values()], counts };
}

/**
 * Hubs: stations joined by links (union–find), each group of two or more one hub, in station order. The
 * hub is named after its first station.
 */
export function groupHubs(stations: readonly Station[], links: readonly [string, string][]): Hub[] {
  const order = new Map(stations.map((s, k) => [s.id, k]));
  const parent = stations.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  for (const [a, b] of links) {
    const ra = find(order.get(a)!);
    const rb = find(order.get(b)!);
    // The lower index is the root, so a hub's first station is its root.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const members = new Map<number, string[]>();
  stations.forEach((s, k) => {
    const r = find(k);
    const list = members.get(r);
    if (list) list.push(s.id);
    else members.set(r, [s.id]);
  });
  const hubs: Hub[] = [];
  for (const [root, ids] of members) {
    if (ids.length < 2) continue;
    const first = stations[root]!;
    hubs.push({ id: `hub-${first.id}`, name: first.name, stations: ids });
  }
  return hubs;
}

/**
 * Pairs of stations with the same name within `meters` of each other: in feeds that model each line's
 * platforms of an interchange as a parent station of its own and have no transfers.txt, these are the
 * interchanges. Each station links to the first of its name nearby.
 */
export function sameNameLinks(stations: readonly Station[], meters: number): [string, string][] {
  const byName = new Map<string, Station[]>();
  for (const s of stations) {
    const name = s.name.zh ?? s.name.en ?? '';
    const list = byName.get(name);
    if (list) list.push(s);
    else byName.set(name, [s]);
  }
  const links: [string, string][] = [];
  for (const list of byName.values()) {
    for (let j = 1; j < list.length; j++) {
      const near = list.slice(0, j).find((s) => greatCircleMeters(s.coord, list[j]!.coord) <= meters);
      if (near) links.push([near.id, list[j]!.id]);
    }
  }
  return links;
}
