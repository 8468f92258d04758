import type { Assumptions } from '../domain/assumptions';
import { greatCircleMeters } from '../domain/geo';
import { layerPairKey } from '../domain/layer';
import type { Direction, Line } from '../domain/line';
import type { Hub, Station } from '../domain/station';
import type { TransferPlace, TransferRule, TransferSide } from '../domain/transfer';
import { travelSeconds } from '../domain/units';

/** One side of a change: a station and the line-direction riders get off or on. */
export interface TransferEnd {
  station: Station;
  line: Line;
  direction: Direction;
}

export interface TransferTime {
  walkSeconds: number;
  processingSeconds: number;
}

function placeScore(
  at: TransferPlace,
  from: Station,
  to: Station,
  hubOf: (s: string) => Hub | undefined,
): number {
  if ('stations' in at) return at.stations[0] === from.id && at.stations[1] === to.id ? 3 : 0;
  if ('station' in at) return at.station === from.id && at.station === to.id ? 2 : 0;
  const hub = hubOf(from.id);
  return hub && hub.id === at.hub && hubOf(to.id) === hub ? 1 : 0;
}

/** 0 = does not match; otherwise how specific (any < layer < line < line + direction). */
function sideScore(side: TransferSide | undefined, end: TransferEnd): number {
  if (!side) return 1;
  if ('layer' in side) return side.layer === end.line.layer ? 2 : 0;
  if (side.line !== end.line.id) return 0;
  if (side.direction === undefined) return 3;
  return side.direction === end.direction ? 4 : 0;
}

/**
 * Walk and processing for changing from one line-direction to another at one station or between stations
 * of a hub. Each is set by the most specific rule that sets it (later rules win ties, so scenario rules
 * override the network's); otherwise by the defaults of DESIGN.md §2.
 */
export class TransferResolver {
  private readonly byStation = new Map<string, TransferRule[]>();
  private readonly order = new Map<TransferRule, number>();

  constructor(
    rules: readonly TransferRule[],
    private readonly hubOf: (station: string) => Hub | undefined,
    private readonly a: Assumptions,
  ) {
    rules.forEach((rule, k) => {
      this.order.set(rule, k);
      const at = rule.at;
      const keys = 'station' in at ? [at.station] : 'stations' in at ? [at.stations[0]] : [`hub:${at.hub}`];
      for (const key of keys) {
        const list = this.byStation.get(key);
        if (list) list.push(rule);
        else this.byStation.set(key, [rule]);
      }
    });
  }

  resolve(from: TransferEnd, to: TransferEnd): TransferTime {
    const hub = this.hubOf(from.station.id);
    const candidates = [
      ...(this.byStation.get(from.station.id) ?? []),
      ...(hub ? (this.byStation.get(`hub:${hub.id}`) ?? []) : []),
    ];
    // Waiting on the same platform for the next train of the same line is not a change: only a rule naming
    // that line on both sides applies to it (a station-wide rule is about changing lines).
    const samePlatform =
      from.station.id === to.station.id && from.line.id === to.line.id && from.direction === to.direction;
    let walk: { score: number; order: number; value: number } | undefined;
    let processing: typeof walk;
    for (const rule of candidates) {
      const place = placeScore(rule.at, from.station, to.station, this.hubOf);
      const f = sideScore(rule.from, from);
      const t = sideScore(rule.to, to);
      if (place === 0 || f === 0 || t === 0) continue;
      if (samePlatform && !(rule.from && 'line' in rule.from && rule.to && 'line' in rule.to)) continue;
      const score = place * 25 + f * 5 + t;
      const order = this.order.get(rule)!;
      const better = (cur: typeof walk) =>
        !cur || score > cur.score || (score === cur.score && order > cur.order);
      if (rule.walkSeconds !== undefined && better(walk)) walk = { score, order, value: rule.walkSeconds };
      if (rule.processingSeconds !== undefined && better(processing))
        processing = { score, order, value: rule.processingSeconds };
    }
    return {
      walkSeconds: walk?.value ?? this.defaultWalk(from, to),
      processingSeconds: processing?.value ?? this.defaultProcessing(from.station, to.station),
    };
  }

  /**
   * Staying on the platform for the next train of the same line and direction costs no walk; otherwise
   * the layer pair's default, or the walk between the two stations of a hub if that is longer.
   */
  private defaultWalk(from: TransferEnd, to: TransferEnd): number {
    if (from.station.id === to.station.id && from.line.id === to.line.id && from.direction === to.direction)
      return 0;
    const pair = this.a.transferWalkSeconds[layerPairKey(from.line.layer, to.line.layer)];
    if (from.station.id === to.station.id) return pair;
    const meters = greatCircleMeters(from.station.coord, to.station.coord) * this.a.walkDetour;
    return Math.max(pair, travelSeconds(meters, this.a.walkSpeedKmh));
  }

  /** Inside one station, or between stations of one layer, riders stay in the paid area; otherwise
   *  they leave one station and go through the other's entry (security) again. */
  private defaultProcessing(from: Station, to: Station): number {
    if (from.id === to.id || from.layer === to.layer) return 0;
    return exitSeconds(from, this.a) + entrySeconds(to, this.a);
  }
}

export function entrySeconds(s: Station, a: Assumptions): number {
  return s.processing?.entrySeconds ?? a.layers[s.layer].entrySeconds;
}

export function exitSeconds(s: Station, a: Assumptions): number {
  return s.processing?.exitSeconds ?? a.layers[s.layer].exitSeconds;
}
