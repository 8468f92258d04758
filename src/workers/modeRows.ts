import { carRowByMeters, intrazonalMeters, metersRow, type ZoneList } from '../demand/car';
import { type ModeRows, modeRows } from '../demand/model';
import { CAR, DEMAND_MODES } from '../domain/demand';
import type { StationRows } from '../engine/stationRows';
import { directModes } from '../engine/surface';
import type { CompactGraph } from '../engine/types';
import type { DemandContext } from './protocol';

const RAIL = DEMAND_MODES.indexOf('rail');
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

/**
 * One origin's options per demand mode, on one graph (DESIGN.md §3.1 step 3): walk, bike and the area-wide
 * bus door to door (the engine's closed forms; within the zone at its intrazonal distance), rail as the best
 * trip that rides a train with any access (StationRows.railRow; none within a zone), the car from distance.
 * With a bus-route layer, "rail" is the best trip through stations, bus routes included.
 *
 * A scenario changes only rail (lines, stations, feeders; surface and car come from the zones and the
 * assumptions, which scenarios do not touch): a source made `sharingSurfaceWith` the baseline's holds the
 * same surface and car rows and fills only its rail row — after the baseline's fill of the same origin.
 */
export class ModeRowSource {
  readonly rows: ModeRows;
  /** The access link of each destination's rail trip (−1: none), for loading it (RailLoads.addByLink). */
  readonly railLink: Int32Array;
  private readonly self: Float64Array;
  private readonly meters: Float64Array;
  private readonly surfaceCost: Float64Array[];
  private readonly surfaceTime: Float64Array[];

  constructor(
    private readonly g: CompactGraph,
    private readonly stations: StationRows,
    private readonly context: DemandContext,
    private readonly sharingSurfaceWith?: ModeRowSource,
  ) {
    const own = modeRows(g.zoneCount);
    const shared = sharingSurfaceWith?.rows;
    this.rows = {
      cost: own.cost.map((row, m) => (shared && m !== RAIL ? shared.cost[m]! : row)),
      time: own.time.map((row, m) => (shared && m !== RAIL ? shared.time[m]! : row)),
    };
    this.railLink = new Int32Array(g.zoneCount);
    this.self = intrazonal(g, context.zonesKey);
    this.meters = new Float64Array(g.zoneCount);
    this.surfaceCost = SURFACE.map((m) => this.rows.cost[m]!);
    this.surfaceTime = SURFACE.map((m) => this.rows.time[m]!);
  }

  fill(o: number): ModeRows {
    if (!this.sharingSurfaceWith) this.surface(o);
    return this.rail(o);
  }

  /** Only the rail row (and its access links) of origin o; the surface and car rows as they were. */
  rail(o: number): ModeRows {
    const rows = this.rows;
    const railCost = rows.cost[RAIL]!;
    const railTime = rows.time[RAIL]!;
    this.stations.railRow(o, railTime, railCost, this.railLink);
    railCost[o] = Number.POSITIVE_INFINITY;
    railTime[o] = Number.POSITIVE_INFINITY;
    this.railLink[o] = -1;
    return rows;
  }

  /**
   * Origin o's surface and car rows — at the destinations `only` lists, when given (a scenario's changed
   * pairs: a run that knows the baseline's side needs the other modes there alone).
   */
  surface(o: number, only?: ZoneList): ModeRows {
    const { g, rows } = this;
    metersRow(o, g.zoneUnit, this.self, this.meters, only);
    directModes(g, o, this.meters, this.surfaceCost, this.surfaceTime, only);
    carRowByMeters(o, this.meters, g.zoneClass, this.context.car, rows.cost[CAR]!, rows.time[CAR]!, only);
    return rows;
  }
}
