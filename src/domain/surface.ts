import type { Meters, Seconds } from './units';

/**
 * Surface modes (DESIGN.md §2.1): the ways people reach rail and travel where there is none. Walking is the
 * network's walk (speed and detour are the same everywhere); bike and the area-wide bus take their parameters
 * by zone class and period.
 */
export const ZONE_CLASSES = ['urban', 'rural'] as const;
export type ZoneClass = (typeof ZONE_CLASSES)[number];

export const SURFACE_MODES = ['walk', 'bike', 'bus'] as const;
export type SurfaceMode = (typeof SURFACE_MODES)[number];

/** Shared bike or e-bike: find and unlock, ride at a speed over distance × detour, park. */
export interface BikeParams {
  speedKmh: number;
  detour: number;
  unlockSeconds: Seconds;
  parkSeconds: Seconds;
  /** Direct bike trips up to this great-circle distance. */
  maxMeters: Meters;
  /** Bike to a station up to this great-circle distance (bike-and-ride catchment). */
  accessMaxMeters: Meters;
}

/**
 * The area-wide bus: not individual routes but a surface service everywhere — walk to a stop, wait by the
 * headway, ride distance × detour at the commercial speed, walk from the stop.
 */
export interface BusParams {
  /** Commercial speed (stops and traffic included). Between zones of two classes, half the distance at each. */
  speedKmh: number;
  detour: number;
  /**
   * Long trips ride express routes and expressways: beyond this great-circle distance the rest of the trip
   * goes at expressSpeedKmh (both over distance × detour).
   */
  expressBeyondMeters: Meters;
  expressSpeedKmh: number;
  headwaySeconds: Seconds;
  /** Cap on the expected wait, as for rail: riders time their arrival for infrequent buses. */
  maxWaitSeconds: Seconds;
  /** Walk between a zone's centroid and its stop (a mean over the zone), at walking speed and detour. */
  stopWalkMeters: Meters;
  /** Walk between a rail station and the bus stop that serves it. */
  stationStopMeters: Meters;
  /** Bus to the nearest this many stations of each layer… */
  accessNearest: number;
  /** …within this great-circle distance. */
  accessMaxMeters: Meters;
}

/** Surface modes of one zone class in one period; null: the mode is not offered there. */
export interface SurfaceParams {
  bike: BikeParams | null;
  bus: BusParams | null;
}

/** Per-mode overrides, as a network states them. */
export interface SurfaceOverrides {
  bike?: Partial<BikeParams> | null;
  bus?: Partial<BusParams> | null;
}

/** What a network may say about surface modes; everything missing takes the default. */
export interface SurfaceInput extends SurfaceOverrides {
  byClass?: Partial<Record<ZoneClass, SurfaceOverrides>>;
  byPeriod?: Record<string, SurfaceOverrides & { byClass?: Partial<Record<ZoneClass, SurfaceOverrides>> }>;
}

/**
 * Defaults and their sources (networks/README.md lists them too). Bus: Beijing's peak ground-bus operating
 * speed was 18.09 km/h in 2020 (Beijing Transport Institute, 2021 annual report); 88 % of bus–metro transfer
 * stops are within 50 m of the station (Beijing Municipal Commission of Transport, 2024); express running at
 * 40 km/h beyond 10 km puts a 43 km trip at about 2 h door to door, the upper end of the 1.5–2 h that the
 * ~330,000 cross-border commuters report for their mean 43 km (commute-facts.md). Everything else
 * is an assumption, stated as one: rural buses faster (longer stop spacing, open roads) and rarer, stops
 * 300 m / 600 m from a zone's people, a shared bike or e-bike at 13 km/h with 2 min (rural 3 min) to find and
 * unlock one and 1 min to park it.
 */
export const DEFAULT_SURFACE: Readonly<Record<ZoneClass, Readonly<SurfaceParams>>> = deepFreeze({
  urban: {
    bike: {
      speedKmh: 13,
      detour: 1.3,
      unlockSeconds: 120,
      parkSeconds: 60,
      maxMeters: 8000,
      accessMaxMeters: 3000,
    },
    bus: {
      speedKmh: 18,
      detour: 1.3,
      expressBeyondMeters: 10000,
      expressSpeedKmh: 40,
      headwaySeconds: 600,
      maxWaitSeconds: 600,
      stopWalkMeters: 300,
      stationStopMeters: 50,
      accessNearest: 2,
      accessMaxMeters: 25000,
    },
  },
  rural: {
    bike: {
      speedKmh: 13,
      detour: 1.3,
      unlockSeconds: 180,
      parkSeconds: 60,
      maxMeters: 8000,
      accessMaxMeters: 3000,
    },
    bus: {
      speedKmh: 30,
      detour: 1.3,
      expressBeyondMeters: 10000,
      expressSpeedKmh: 40,
      headwaySeconds: 1800,
      maxWaitSeconds: 600,
      stopWalkMeters: 600,
      stationStopMeters: 50,
      accessNearest: 2,
      accessMaxMeters: 25000,
    },
  },
});

/** Defaults are shared by every network: frozen, so no caller can change them for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function merged<T extends object>(base: T | null, ...overrides: (Partial<T> | null | undefined)[]): T | null {
  let out = base;
  for (const o of overrides) {
    if (o === undefined) continue;
    // null switches the mode off; an object after it switches it back on with the defaults filled in.
    out = o === null ? null : ({ ...(out ?? base), ...o } as T);
  }
  return out;
}

/**
 * The surface modes of a zone class in a period: default → network → network by class → period → period by
 * class, later overriding earlier field by field.
 */
export function surfaceParams(
  input: SurfaceInput | undefined,
  period: string,
  zoneClass: ZoneClass,
): SurfaceParams {
  const d = DEFAULT_SURFACE[zoneClass];
  const p = input?.byPeriod?.[period];
  const layers = [input, input?.byClass?.[zoneClass], p, p?.byClass?.[zoneClass]];
  return {
    bike: merged(d.bike, ...layers.map((l) => l?.bike)),
    bus: merged(d.bus, ...layers.map((l) => l?.bus)),
  };
}
