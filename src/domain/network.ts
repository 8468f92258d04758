import type { AssumptionsInput } from './assumptions';
import type { Feeder } from './feeder';
import type { Line } from './line';
import type { LocalizedName } from './names';
import type { Hub, Station } from './station';
import type { TransferRule } from './transfer';
import type { Zone, ZoneAttributeSource } from './zone';

export const NETWORK_FORMAT = 'commuteshed.network/1';

export interface Attribution {
  text: string;
  url?: string;
  licence?: string;
}

/** An analysis period; headways are given per period and results are per period. */
export interface Period {
  id: string;
  name: LocalizedName;
  /** "HH:MM". */
  start: string;
  end: string;
}

/** A named part of the core (e.g. 国贸/CBD) and the zones it covers. */
export interface CoreArea {
  id: string;
  name: LocalizedName;
  zones: string[];
}

/**
 * A named group of districts (a city, a province's towns): regional figures are reported for it, and
 * demand is calibrated on one.
 */
export interface Region {
  id: string;
  name: LocalizedName;
  /** Zone `district` values. */
  districts: string[];
}

/** The network as a validated file describes it, zones loaded. Plain data: it crosses to workers as is. */
export interface Network {
  format: typeof NETWORK_FORMAT;
  id: string;
  name: LocalizedName;
  description?: string;
  attribution: Attribution[];
  /** Assumptions, sources and caveats a planner should read. */
  notes?: string[];
  periods: Period[];
  assumptions?: AssumptionsInput;
  stations: Station[];
  hubs: Hub[];
  lines: Line[];
  transfers: TransferRule[];
  /** Feeder buses to stations (scenarios add them with add-feeder). */
  feeders?: Feeder[];
  zones: Zone[];
  /** When zones are kept in a sibling `<id>.zones.geojson`, its file name. */
  zonesFile?: string;
  zoneAttributes?: {
    population: ZoneAttributeSource;
    jobs: ZoneAttributeSource;
    workers?: ZoneAttributeSource;
  };
  core: CoreArea[];
  regions?: Region[];
}

/** Indices by id; built once per network. */
export interface NetworkIndex {
  station: Map<string, Station>;
  line: Map<string, Line>;
  hub: Map<string, Hub>;
  hubOfStation: Map<string, Hub>;
  zone: Map<string, number>;
}

export function indexNetwork(network: Network): NetworkIndex {
  const hubOfStation = new Map<string, Hub>();
  for (const hub of network.hubs) for (const s of hub.stations) hubOfStation.set(s, hub);
  return {
    station: new Map(network.stations.map((s) => [s.id, s])),
    line: new Map(network.lines.map((l) => [l.id, l])),
    hub: new Map(network.hubs.map((h) => [h.id, h])),
    hubOfStation,
    zone: new Map(network.zones.map((z, i) => [z.id, i])),
  };
}

/** Zone indices of a region. */
export function regionZones(network: Network, region: Region): number[] {
  const districts = new Set(region.districts);
  return network.zones.flatMap((z, k) => (z.district !== undefined && districts.has(z.district) ? [k] : []));
}

/** Zone ids of the whole core, each once, in file order. */
export function coreZoneIds(network: Network): string[] {
  return [...new Set(network.core.flatMap((area) => area.zones))];
}
