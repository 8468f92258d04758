import { type Assumptions, resolveAssumptions } from '../assumptions';
import { isLonLat } from '../geo';
import { childPath, type Issue } from '../issue';
import { isLayerId, type LayerId } from '../layer';
import type { Headways, Line } from '../line';
import { indexNetwork, type Network, type NetworkIndex } from '../network';
import type { Modification, NewStation, StopRef } from '../scenario';
import type { Station } from '../station';

/** Where an issue is, below the modification: a key, or a path of keys and indices. */
type Key = string | number | (string | number)[];

/**
 * What a modification resolves against: the network as the modifications before it left it, and what
 * they removed (so a reference to a removed line says so instead of "unknown").
 */
export class ResolveContext {
  readonly index: NetworkIndex;
  readonly assumptions: Assumptions;
  readonly issues: Issue[] = [];

  constructor(
    readonly network: Network,
    readonly path: string,
    readonly removedLines: ReadonlyMap<string, string>,
    readonly closedStations: ReadonlyMap<string, string>,
  ) {
    this.index = indexNetwork(network);
    this.assumptions = resolveAssumptions(network.assumptions);
  }

  issue(key: Key, message: string): void {
    const keys = Array.isArray(key) ? key : [key];
    this.issues.push({ path: keys.reduce<string>((p, k) => childPath(p, k), this.path), message });
  }

  line(id: string, key: string | (string | number)[]): Line | undefined {
    const line = this.index.line.get(id);
    if (line) return line;
    const removedBy = this.removedLines.get(id);
    this.issue(key, removedBy ? `line "${id}" was removed by ${removedBy}` : `unknown line "${id}"`);
    return undefined;
  }

  station(id: string, key: string | (string | number)[]): Station | undefined {
    const station = this.index.station.get(id);
    if (station) return station;
    const closedBy = this.closedStations.get(id);
    this.issue(key, closedBy ? `station "${id}" was closed by ${closedBy}` : `unknown station "${id}"`);
    return undefined;
  }

  layer(value: unknown, key: Key): LayerId | undefined {
    if (isLayerId(value)) return value;
    this.issue(key, `unknown layer "${String(value)}" (trunk, intercity, suburban or metro)`);
    return undefined;
  }

  headways(headways: Headways, key: Key, allowEmpty = false): void {
    const at = (period: string) => [...(Array.isArray(key) ? key : [key]), period];
    const periods = new Set(this.network.periods.map((p) => p.id));
    const entries = Object.entries(headways ?? {});
    if (!allowEmpty && entries.length === 0)
      this.issue(key, 'no headway for any period: the service would never run');
    for (const [period, h] of entries) {
      if (!periods.has(period))
        this.issue(at(period), `unknown period "${period}" (network has ${[...periods].join(', ')})`);
      if (!(Number.isFinite(h) && h > 0))
        this.issue(at(period), `headway must be a positive number of seconds, got ${h}`);
    }
  }

  nonNegative(value: number | undefined, key: string): void {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      this.issue(key, `must be a number of seconds ≥ 0, got ${value}`);
    }
  }

  /**
   * Resolve stop references: existing stations by id (not closed), or new stations (id unused). Returns
   * the stations in order, or undefined when any is wrong.
   */
  stops(
    refs: StopRef[],
    key: string,
    defaultLayer: LayerId,
  ): { stations: Station[]; created: Station[] } | undefined {
    const stations: Station[] = [];
    const created: Station[] = [];
    /** Index in `refs` of each resolved station, so issues name the stop as the file lists it. */
    const listed: number[] = [];
    const before = this.issues.length;
    refs.forEach((ref, k) => {
      if (typeof ref === 'string') {
        const s = this.station(ref, [key, k]);
        if (s) {
          stations.push(s);
          listed.push(k);
        }
        return;
      }
      const s = this.newStation(ref, [key, k], defaultLayer, created);
      if (s) {
        stations.push(s);
        listed.push(k);
        created.push(s);
      }
    });
    const ids = stations.map((s) => s.id);
    ids.forEach((id, k) => {
      if (ids.indexOf(id) !== k) this.issue([key, listed[k]!], `station "${id}" appears twice on the route`);
    });
    return this.issues.length === before ? { stations, created } : undefined;
  }

  private newStation(
    ref: NewStation,
    key: (string | number)[],
    layer: LayerId,
    created: Station[],
  ): Station | undefined {
    const before = this.issues.length;
    if (typeof ref.id !== 'string' || ref.id === '') this.issue([...key, 'id'], 'a new station needs an id');
    else if (this.index.station.has(ref.id) || created.some((s) => s.id === ref.id)) {
      this.issue([...key, 'id'], `station id "${ref.id}" is already used`);
    }
    if (!isLonLat(ref.coord)) this.issue([...key, 'coord'], 'coord must be [longitude, latitude] in degrees');
    if (ref.layer !== undefined && !isLayerId(ref.layer))
      this.issue([...key, 'layer'], `unknown layer "${ref.layer}"`);
    if (this.issues.length !== before) return undefined;
    return { id: ref.id, name: ref.name ?? {}, coord: ref.coord, layer: ref.layer ?? layer, added: true };
  }
}

/** "modification 3 (remove-line)" — how other issues refer to a modification. */
export function describeModification(mod: Modification, listIndex: number): string {
  return `modification ${listIndex} (${mod.type})`;
}
