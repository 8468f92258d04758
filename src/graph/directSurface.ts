import { zoneMeters } from '../domain/geo';
import type { EdgeAttributes, SurfaceSpec } from './build';
import { NO_PARTS } from './cost';
import { movingSeconds } from './surface';

const MODES = ['walk', 'bike', 'bus'] as const;

/**
 * The direct surface trip between zones o and d as an edge (reference graphs): the best table entry,
 * cheapest then quickest, walk before bike before bus on a tie; a zone to itself is 0. Computed
 * independently of the engine's loop (engine/router.ts directSurface), from the same table, so a reference
 * search that agrees with the engine checks it.
 */
export function directSurfaceEdge(s: SurfaceSpec, o: number, d: number): EdgeAttributes | undefined {
  const meters = zoneMeters(s.zoneUnit, o, d);
  if (o === d) return { ...NO_PARTS, weight: 0, time: 0, kind: 'surface', leg: { mode: 'walk', meters: 0 } };
  const t = s.table;
  let best: EdgeAttributes | undefined;
  MODES.forEach((mode, m) => {
    const k = (m * 2 + s.zoneClass[o]!) * 2 + s.zoneClass[d]!;
    if (!(meters <= t.maxMeters[k]!)) return;
    const moving = movingSeconds(meters, t.secondsPerMeter[k]!, t.beyondMeters[k]!, t.extraPerMeter[k]!);
    const edge: EdgeAttributes = {
      ...NO_PARTS,
      walk: t.fixedWalk[k]! + (mode === 'walk' ? moving : 0),
      bike: t.fixedBike[k]! + (mode === 'bike' ? moving : 0),
      bus: mode === 'bus' ? moving : 0,
      wait: t.fixedWait[k]!,
      boardings: mode === 'bus' ? 1 : 0,
      weight: t.fixedCost[k]! + t.movingWeight[k]! * moving,
      time: t.fixedTime[k]! + moving,
      kind: 'surface',
      leg: { mode, meters: Math.round(meters) },
    };
    if (!best || edge.weight < best.weight || (edge.weight === best.weight && edge.time < best.time))
      best = edge;
  });
  return best;
}
