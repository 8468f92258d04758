import { greatCircleMeters, type LonLat } from '../../domain/geo';
import type { LayerId } from '../../domain/layer';
import type { LocalizedName } from '../../domain/names';
import type { NewStation, StopRef } from '../../domain/scenario';
import type { Station } from '../../domain/station';
import { uniqueId } from './ids';

/** What placing a stop needs to know about the map around it. */
export interface StopEnv {
  /** Stations a click can snap to (the network with the rest of the scenario applied). */
  stations: readonly Station[];
  /** Station ids already used, including new stations anywhere in the scenario. */
  taken: ReadonlySet<string>;
  /** A click this close (metres) to a station uses that station. */
  snapMeters: number;
  /** Prefix for new station ids, e.g. the line id. */
  idPrefix: string;
  /** Layer given to new stations (omitted when it is the line's, the default). */
  layer?: LayerId;
}

export const stopId = (ref: StopRef): string => (typeof ref === 'string' ? ref : ref.id);

/** The nearest station within `maxMeters` of `coord`, ignoring `exclude`. */
export function snapStation(
  stations: readonly Station[],
  coord: LonLat,
  maxMeters: number,
  exclude: ReadonlySet<string> = new Set(),
): Station | undefined {
  let best: Station | undefined;
  let bestD = maxMeters;
  for (const s of stations) {
    if (exclude.has(s.id)) continue;
    const d = greatCircleMeters(s.coord, coord);
    if (d <= bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}

/** Metres per screen pixel at a latitude and web-mercator zoom (512 px tiles, as MapLibre). */
export function metersPerPixel(latitude: number, zoom: number): number {
  return (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

function newStationNumber(refs: readonly StopRef[]): number {
  let high = 0;
  for (const r of refs) {
    if (typeof r === 'string') continue;
    const k = /(\d+)$/.exec(r.name.en ?? '')?.[1];
    high = Math.max(high, k ? Number(k) : 0);
  }
  return high + 1;
}

/** A new station for a stop list: a fresh id and a numbered default name the planner can change. */
export function makeStation(refs: readonly StopRef[], coord: LonLat, env: StopEnv): NewStation {
  const taken = new Set([...env.taken, ...refs.map(stopId)]);
  const n = newStationNumber(refs);
  const station: NewStation = {
    id: uniqueId(`${env.idPrefix}-${n}`, taken),
    name: { en: `New station ${n}`, zh: `新站${n}` },
    coord: roundCoord(coord),
  };
  if (env.layer) station.layer = env.layer;
  return station;
}

/** Six decimals (≈ 0.1 m): enough for a station, and files stay readable. */
export function roundCoord([lon, lat]: LonLat): LonLat {
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/**
 * A click at `coord`: within snapping distance of a station not yet on the list, that station (a transfer
 * there); on one of the list's own stations, nothing; elsewhere a new station. Appended at the end, or
 * inserted at `index`.
 */
export function placeStop(refs: readonly StopRef[], coord: LonLat, env: StopEnv, index?: number): StopRef[] {
  const own = refs.filter((r): r is NewStation => typeof r !== 'string');
  const ownHit = own.some((s) => greatCircleMeters(s.coord, coord) <= env.snapMeters);
  if (ownHit) return [...refs];
  const onList = new Set(refs.map(stopId));
  const snapped = snapStation(env.stations, coord, env.snapMeters);
  if (snapped && onList.has(snapped.id)) return [...refs];
  const ref: StopRef = snapped ? snapped.id : makeStation(refs, coord, env);
  return insertAt(refs, ref, index);
}

/** An existing station chosen from a list (the keyboard way to make a transfer). Ignored if already on the list. */
export function addExistingStop(refs: readonly StopRef[], stationId: string, index?: number): StopRef[] {
  if (refs.some((r) => stopId(r) === stationId)) return [...refs];
  return insertAt(refs, stationId, index);
}

function insertAt(refs: readonly StopRef[], ref: StopRef, index?: number): StopRef[] {
  const next = [...refs];
  next.splice(index === undefined ? next.length : Math.max(0, Math.min(index, next.length)), 0, ref);
  return next;
}

/**
 * Drag stop `k` to `coord`. New stations move; dropped on another station they become that station (a
 * transfer). Existing stations stay where they are: no modification moves a station of the network.
 */
export function moveStop(refs: readonly StopRef[], k: number, coord: LonLat, env: StopEnv): StopRef[] {
  const ref = refs[k];
  if (ref === undefined || typeof ref === 'string') return [...refs];
  const others = new Set(refs.map(stopId));
  const snapped = snapStation(env.stations, coord, env.snapMeters, others);
  const next = [...refs];
  next[k] = snapped ? snapped.id : { ...ref, coord: roundCoord(coord) };
  return next;
}

export function removeStop(refs: readonly StopRef[], k: number): StopRef[] {
  return refs.filter((_, i) => i !== k);
}

/** Move stop `k` one place up (-1) or down (+1). */
export function reorderStop(refs: readonly StopRef[], k: number, by: -1 | 1): StopRef[] {
  const j = k + by;
  if (j < 0 || j >= refs.length) return [...refs];
  const next = [...refs];
  [next[k], next[j]] = [next[j]!, next[k]!];
  return next;
}

/** Rename new station `k` in one language; an emptied name falls back to the other language's. */
export function renameStop(
  refs: readonly StopRef[],
  k: number,
  lang: keyof LocalizedName,
  text: string,
): StopRef[] {
  const ref = refs[k];
  if (ref === undefined || typeof ref === 'string') return [...refs];
  const name: LocalizedName = { ...ref.name };
  if (text.trim()) name[lang] = text;
  else delete name[lang];
  const next = [...refs];
  next[k] = { ...ref, name: name.en || name.zh ? name : ref.name };
  return next;
}

/** Coordinates typed by the planner: "lon, lat" (or "lon lat"), WGS84 degrees. */
export function parseCoord(text: string): LonLat | undefined {
  const parts = text
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) return undefined;
  const [lon, lat] = parts as [number, number];
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : undefined;
}
