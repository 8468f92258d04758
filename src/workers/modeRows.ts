import { carRowByMeters, intrazonalMeters, metersRow, type ZoneList } from '../demand/car';
import { SurfaceKernel } from '../demand/kernels/surface';
import type { KernelWorkspace } from '../demand/kernels/workspace';
import type { ModeRows } from '../demand/model';
import { CAR, DEMAND_MODES } from '../domain/demand';
import type { StationRows } from '../engine/stationRows';
import { directModes, originEntries } from '../engine/surface';
import type { CompactGraph } from '../engine/types';
import { TRIP_MODE } from '../engine/types';
import type { DemandContext } from './protocol';

const RAIL = DEMAND_MODES.indexOf('rail');
const BUS = DEMAND_MODES.indexOf('bus');
/** Demand modes in the order directModes fills them. */
const SURFACE = (['walk', 'bike', 'bus'] as const).map((m) => DEMAND_MODES.indexOf(m));

/** Intrazonal distances by zones key: the same for every graph of a network (baseline and scenarios). */
const intrazonalByZones = new Map<string, Float64Array>();

function intrazonal(g: CompactGraph, zonesKey: string): Float64Array {
  let d = intrazonalByZones.get(zonesKey);
  if (!d || d.length !== g.zoneCount) {
    d = intrazonalMeters(g.zoneUnit);
    intrazonalByZones.set(zonesKey, d);
    while (intrazonalByZones.size > 4) intrazonalByZones.delete(intrazonalByZones.keys().next().value!);
  }
  return d;
}

/** The best trips through stations from one origin (StationRows.railRow), before they become options. */
export interface StationTrips {
  cost: Float64Array;
  time: Float64Array;
  /**
   * TRIP_MODE.rail (rides a train), TRIP_MODE.bus (rides bus routes only) or TRIP_MODE.none (no trip) on a
   * graph with bus routes; without, rail everywhere (a pair without a trip has cost +Infinity anyway).
   */
  mode: Uint8Array;
}

/**
 * One origin's options per demand mode, on one graph (DESIGN.md §3.1 step 3): walk, bike and the area-wide
 * bus door to door (the engine's closed forms; within the zone at its intrazonal distance), rail as the best
 * trip through stations with any access (StationRows.railRow; none within a zone), the car from distance.
 *
 * With a bus-route layer (GTFS bus routes kept), the best trip through stations may ride bus routes only:
 * it is then a bus trip, not a rail one — the bus option is the better of it and the area-wide bus, and rail
 * is not offered to that destination (the best trip that rides a train is not searched for when a bus-only
 * one is better: rail riders are counted a little short there, never bus riders as rail). Without bus routes
 * the rail option is the station trips' row itself.
 *
 * A scenario changes only trips through stations (lines, stations, feeders; surface and car come from the
 * zones and the assumptions, which scenarios do not touch): a source made `sharingSurfaceWith` the
 * baseline's holds the same walk, bike, area-wide bus and car rows and fills only its station trips —
 * after the baseline's fill of the same origin. Two sources' options differ exactly where their station
 * trips do (cost, time or mode).
 *
 * Given a `workspace` (the worker's kernels' memory), its rows are rows of it — the logit kernel reads them
 * where they lie — and whole surface rows come from the surface kernel (SurfaceKernel: the JavaScript's
 * bits, 2.3 times as fast on JJJ); destinations listed (`only`) from the JavaScript.
 */
export class ModeRowSource {
  readonly rows: ModeRows;
  /** The station trips the rail (and, with bus routes, the bus) option come from. */
  readonly station: StationTrips;
  /** The access link of each destination's station trip (−1: none), for loading it (RailLoads.addByLink). */
  readonly railLink: Int32Array;
  /** The area-wide bus (the surface fill's), which the bus option is with bus routes taken into account. */
  readonly areaBus: { cost: Float64Array; time: Float64Array };
  /** The graph has bus routes (services that are not trains): station trips may be bus trips. */
  readonly busRoutes: boolean;
  private readonly self: Float64Array;
  private readonly meters: Float64Array;
  private readonly surfaceCost: Float64Array[];
  private readonly surfaceTime: Float64Array[];
  /** With a workspace: the kernel that fills whole surface rows (a source that fills them). */
  private readonly surfaceKernel?: SurfaceKernel;

  constructor(
    private readonly g: CompactGraph,
    private readonly stations: StationRows,
    private readonly context: DemandContext,
    private readonly sharingSurfaceWith?: ModeRowSource,
    workspace?: KernelWorkspace,
  ) {
    const z = g.zoneCount;
    const row = workspace ? () => workspace.row() : () => new Float64Array(z);
    const own = { cost: DEMAND_MODES.map(row), time: DEMAND_MODES.map(row) };
    const shared = sharingSurfaceWith?.rows;
    this.busRoutes = g.services.some((s) => !s.rail);
    // Without bus routes every station trip rides a train: the modes are rail once and for all.
    const mode = (workspace ? workspace.bytes(z) : new Uint8Array(z)).fill(
      this.busRoutes ? TRIP_MODE.none : TRIP_MODE.rail,
    );
    this.station = { cost: own.cost[RAIL]!, time: own.time[RAIL]!, mode };
    this.areaBus = sharingSurfaceWith?.areaBus ?? { cost: own.cost[BUS]!, time: own.time[BUS]! };
    // Without bus routes the rail option is the station trips' row and the bus option the area-wide bus's;
    // walk, bike and car are the baseline's rows for a sharing source.
    const options = (ownRows: Float64Array[], sharedRows: Float64Array[] | undefined, area: Float64Array) =>
      ownRows.map((ownRow, m) => {
        if (m === RAIL) return this.busRoutes ? row() : ownRow;
        if (m === BUS) return this.busRoutes ? row() : area;
        return sharedRows?.[m] ?? ownRow;
      });
    this.rows = {
      cost: options(own.cost, shared?.cost, this.areaBus.cost),
      time: options(own.time, shared?.time, this.areaBus.time),
    };
    this.railLink = new Int32Array(z);
    this.self = intrazonal(g, context.zonesKey);
    this.meters = new Float64Array(z);
    this.surfaceCost = SURFACE.map((m) => (m === BUS ? this.areaBus.cost : this.rows.cost[m]!));
    this.surfaceTime = SURFACE.map((m) => (m === BUS ? this.areaBus.time : this.rows.time[m]!));
    if (workspace && !sharingSurfaceWith)
      this.surfaceKernel = new SurfaceKernel(workspace, g.zoneUnit, g.zoneClass, this.self, context.car);
  }

  /** Every option of origin o (a sharing source: its station trips, with the shared surface as filled). */
  fill(o: number): ModeRows {
    if (!this.sharingSurfaceWith) this.surface(o);
    this.trips(o);
    return this.options();
  }

  /** Only the station trips (and their access links) of origin o; options as they were (see options()). */
  trips(o: number): StationTrips {
    const t = this.station;
    this.stations.railRow(o, t.time, t.cost, this.railLink, this.busRoutes ? t.mode : undefined);
    t.cost[o] = Number.POSITIVE_INFINITY;
    t.time[o] = Number.POSITIVE_INFINITY;
    if (this.busRoutes) t.mode[o] = TRIP_MODE.none;
    this.railLink[o] = -1;
    return t;
  }

  /**
   * Origin o's walk, bike, area-wide bus and car rows — at the destinations `only` lists, when given (a
   * scenario's changed pairs: a run that knows the baseline's side needs the other modes there alone).
   */
  surface(o: number, only?: ZoneList): ModeRows {
    // A sharing source's walk and bike rows are its own but its bus and car rows the baseline's: the
    // baseline's source fills them all.
    if (this.sharingSurfaceWith) throw new Error('a source sharing the surface rows does not fill them');
    const { g, rows } = this;
    const kernel = this.surfaceKernel;
    if (kernel && !only) {
      originEntries(g, o, kernel.entries);
      const [walkCost, bikeCost, busCost] = this.surfaceCost as [Float64Array, Float64Array, Float64Array];
      const [walkTime, bikeTime, busTime] = this.surfaceTime as [Float64Array, Float64Array, Float64Array];
      kernel.fill(o, {
        cost: [walkCost, bikeCost, busCost, rows.cost[CAR]!],
        time: [walkTime, bikeTime, busTime, rows.time[CAR]!],
      });
      return rows;
    }
    metersRow(o, g.zoneUnit, this.self, this.meters, only);
    directModes(g, o, this.meters, this.surfaceCost, this.surfaceTime, only);
    carRowByMeters(o, this.meters, g.zoneClass, this.context.car, rows.cost[CAR]!, rows.time[CAR]!, only);
    return rows;
  }

  /**
   * The rail and bus options from the station trips and the area-wide bus as they stand (at `only`'s
   * destinations, when given): a trip that rides a train is rail; one on bus routes only is bus, where it
   * beats the area-wide bus (cost, then time). Without bus routes the rows are those already.
   */
  options(only?: ZoneList): ModeRows {
    const rows = this.rows;
    if (!this.busRoutes) return rows;
    const { cost: sc, time: st, mode } = this.station;
    const { cost: ac, time: at } = this.areaBus;
    const railCost = rows.cost[RAIL]!;
    const railTime = rows.time[RAIL]!;
    const busCost = rows.cost[BUS]!;
    const busTime = rows.time[BUS]!;
    const n = only ? only.count : sc.length;
    for (let q = 0; q < n; q++) {
      const d = only ? only.list[q]! : q;
      const rail = mode[d] === TRIP_MODE.rail;
      railCost[d] = rail ? sc[d]! : Number.POSITIVE_INFINITY;
      railTime[d] = rail ? st[d]! : Number.POSITIVE_INFINITY;
      const route = mode[d] === TRIP_MODE.bus && (sc[d]! < ac[d]! || (sc[d] === ac[d] && st[d]! < at[d]!));
      busCost[d] = route ? sc[d]! : ac[d]!;
      busTime[d] = route ? st[d]! : at[d]!;
    }
    return rows;
  }
}
