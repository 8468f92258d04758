import type { Assumptions } from '../domain/assumptions';
import {
  type BusParams,
  DEFAULT_SURFACE,
  type SurfaceParams,
  surfaceParams,
  ZONE_CLASSES,
  type ZoneClass,
} from '../domain/surface';
import { travelSeconds } from '../domain/units';
import type { SurfaceTable } from '../engine/types';
import { type EdgeParts, NO_PARTS, perceivedCost, roundCost } from './cost';

export const SURFACE_MODE_CODES = { walk: 0, bike: 1, bus: 2 } as const;
export const CLASS_CODES: Record<ZoneClass, number> = { urban: 0, rural: 1 };

/**
 * One surface leg as a function of distance: fixed parts (whole seconds) plus the moving part, distance ×
 * secondsPerMeter rounded to whole seconds, counted as `moving` (walk, bike or bus); offered up to maxMeters.
 * `penalty` is perceived only: a bus leg before or after a train is a second boarding.
 */
export interface LegSpec {
  mode: 'walk' | 'bike' | 'bus';
  maxMeters: number;
  secondsPerMeter: number;
  /** Beyond this distance each metre takes extraPerMeter more (less: express running; ≤ 0). */
  beyondMeters: number;
  extraPerMeter: number;
  moving: 'walk' | 'bike' | 'bus';
  walk: number;
  wait: number;
  bike: number;
  boardings: number;
  penalty: number;
}

/**
 * A leg's parts at a distance. The moving part is rounded half up, floor(x + 0.5) — the engine's hot loop
 * rounds the same way (a third of Math.round's time there).
 */
export function legParts(leg: LegSpec, meters: number): EdgeParts {
  const moving = movingSeconds(meters, leg.secondsPerMeter, leg.beyondMeters, leg.extraPerMeter);
  return {
    ...NO_PARTS,
    walk: leg.walk + (leg.moving === 'walk' ? moving : 0),
    bike: leg.bike + (leg.moving === 'bike' ? moving : 0),
    bus: leg.moving === 'bus' ? moving : 0,
    wait: leg.wait,
    boardings: leg.boardings,
  };
}

/**
 * Whole seconds of the moving part of a leg: distance × pace, and beyond `beyond` metres `extra` more per
 * metre, rounded half up. The engine's hot loop and directTrip compute exactly this expression.
 */
export function movingSeconds(meters: number, spm: number, beyond: number, extra: number): number {
  return Math.floor(meters * spm + Math.max(0, meters - beyond) * extra + 0.5);
}

/** Seconds per metre at a speed over distance × detour. */
function pace(kmh: number, detour: number): number {
  return (detour * 3.6) / kmh;
}

/** Expected wait for a service every `headway`, capped (DESIGN.md §2), whole seconds. */
export function busWait(headwaySeconds: number, maxWaitSeconds: number): number {
  return Math.round(Math.min(headwaySeconds / 2, maxWaitSeconds));
}

/**
 * Surface modes of a network in one period: the parameters per zone class, and the legs built from them.
 * A zone end of a leg has a class; a station end has none (the bus stops at the station, the bike is
 * parked there).
 */
export class SurfaceModel {
  readonly params: Record<ZoneClass, SurfaceParams>;

  constructor(
    readonly a: Assumptions,
    readonly period: string,
  ) {
    this.params = {
      urban: surfaceParams(a.surface, period, 'urban'),
      rural: surfaceParams(a.surface, period, 'rural'),
    };
  }

  private walkSeconds(meters: number): number {
    return travelSeconds(meters * this.a.walkDetour, this.a.walkSpeedKmh);
  }

  walkLeg(maxMeters: number): LegSpec {
    return {
      mode: 'walk',
      maxMeters,
      secondsPerMeter: pace(this.a.walkSpeedKmh, this.a.walkDetour),
      beyondMeters: Number.POSITIVE_INFINITY,
      extraPerMeter: 0,
      moving: 'walk',
      walk: 0,
      wait: 0,
      bike: 0,
      boardings: 0,
      penalty: 0,
    };
  }

  /** A bike from a zone of class `from` (its bikes, speed and reach) to a zone of class `to` or a station. */
  bikeLeg(
    from: ZoneClass,
    to: ZoneClass | 'station',
    maxOf: 'maxMeters' | 'accessMaxMeters',
  ): LegSpec | null {
    const b = this.params[from].bike;
    if (!b) return null;
    const park = to === 'station' ? b.parkSeconds : (this.params[to].bike ?? b).parkSeconds;
    return {
      mode: 'bike',
      maxMeters: b[maxOf],
      secondsPerMeter: pace(b.speedKmh, b.detour),
      beyondMeters: Number.POSITIVE_INFINITY,
      extraPerMeter: 0,
      moving: 'bike',
      walk: 0,
      wait: 0,
      bike: Math.round(b.unlockSeconds + park),
      boardings: 0,
      penalty: 0,
    };
  }

  /**
   * The area-wide bus between two zones (board where the rider starts: that class's headway; half the
   * distance at each end's speed) or between a zone and a station (the zone's class throughout; the stop
   * at the station is `stationStopMeters` from it). Null where the zone's class has no bus.
   */
  busLeg(from: ZoneClass, to: ZoneClass | 'station'): LegSpec | null {
    const b = this.params[from].bus;
    const toBus = to === 'station' ? b : this.params[to].bus;
    if (!b || !toBus) return null;
    const toWalk = to === 'station' ? b.stationStopMeters : toBus.stopWalkMeters;
    const spm = (pace(b.speedKmh, b.detour) + pace(toBus.speedKmh, toBus.detour)) / 2;
    const express = (pace(b.expressSpeedKmh, b.detour) + pace(toBus.expressSpeedKmh, toBus.detour)) / 2;
    return {
      ...this.busSpec(
        spm,
        busWait(b.headwaySeconds, b.maxWaitSeconds),
        b.stopWalkMeters + toWalk,
        to === 'station',
      ),
      // Express running only where it is quicker (a network may set an express slower than its buses).
      beyondMeters: (b.expressBeyondMeters + toBus.expressBeyondMeters) / 2,
      extraPerMeter: Math.min(0, express - spm),
    };
  }

  /** A feeder bus between a zone of class `zone` and its station, at the feeder's speed and headway. */
  feederLeg(zone: ZoneClass, speedKmh: number, headwaySeconds: number): LegSpec {
    // Where the area-wide bus is switched off, the feeder's stops and wait cap are the default bus's.
    const b = this.params[zone].bus ?? (DEFAULT_SURFACE[zone].bus as BusParams);
    return {
      ...this.busSpec(
        pace(speedKmh, b.detour),
        busWait(headwaySeconds, b.maxWaitSeconds),
        b.stopWalkMeters + b.stationStopMeters,
        true,
      ),
      maxMeters: Number.POSITIVE_INFINITY,
    };
  }

  private busSpec(spm: number, wait: number, stopMeters: number, toRail: boolean): LegSpec {
    return {
      mode: 'bus',
      maxMeters: Number.POSITIVE_INFINITY,
      secondsPerMeter: spm,
      beyondMeters: Number.POSITIVE_INFINITY,
      extraPerMeter: 0,
      moving: 'bus',
      walk: Math.round(this.walkSeconds(stopMeters)),
      wait,
      bike: 0,
      boardings: 1,
      penalty: toRail ? this.a.boardingPenaltySeconds : 0,
    };
  }

  /** The direct zone-to-zone legs of one mode between two classes (null: not offered). */
  directLeg(mode: 'walk' | 'bike' | 'bus', from: ZoneClass, to: ZoneClass): LegSpec | null {
    if (mode === 'walk') return this.walkLeg(this.a.directWalkMaxMeters);
    if (mode === 'bike') return this.bikeLeg(from, to, 'maxMeters');
    return this.busLeg(from, to);
  }

  /** Direct legs as the engine's table (see SurfaceTable). */
  table(): SurfaceTable {
    const n = 3 * 2 * 2;
    const t: SurfaceTable = {
      maxMeters: new Float64Array(n).fill(-1),
      secondsPerMeter: new Float64Array(n),
      beyondMeters: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
      extraPerMeter: new Float64Array(n),
      fixedTime: new Int32Array(n),
      fixedCost: new Float64Array(n),
      movingWeight: new Float64Array(n),
      fixedWalk: new Int32Array(n),
      fixedWait: new Int32Array(n),
      fixedBike: new Int32Array(n),
    };
    const w = this.a.weights;
    for (const mode of ['walk', 'bike', 'bus'] as const) {
      for (const from of ZONE_CLASSES) {
        for (const to of ZONE_CLASSES) {
          const leg = this.directLeg(mode, from, to);
          if (!leg) continue;
          const k = (SURFACE_MODE_CODES[mode] * 2 + CLASS_CODES[from]) * 2 + CLASS_CODES[to];
          const fixed = legParts(leg, 0);
          t.maxMeters[k] = leg.maxMeters;
          t.secondsPerMeter[k] = leg.secondsPerMeter;
          t.beyondMeters[k] = leg.beyondMeters;
          t.extraPerMeter[k] = leg.extraPerMeter;
          t.fixedTime[k] = fixed.walk + fixed.bike + fixed.bus + fixed.wait;
          t.fixedCost[k] = legCost(leg, fixed, w);
          t.movingWeight[k] = w[leg.moving];
          t.fixedWalk[k] = fixed.walk;
          t.fixedWait[k] = fixed.wait;
          t.fixedBike[k] = fixed.bike;
        }
      }
    }
    return t;
  }
}

/** Perceived cost of a leg's parts, with its boarding penalty. */
export function legCost(leg: LegSpec, parts: EdgeParts, w: Assumptions['weights']): number {
  return roundCost(perceivedCost(parts, w) + leg.penalty);
}

/** The better of two (cost, time) pairs: cheaper, then quicker; the first on a tie. */
export function lexLess(c: number, t: number, bc: number, bt: number): boolean {
  return c < bc || (c === bc && t < bt);
}
