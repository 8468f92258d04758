import type { LonLat } from '../../domain/geo';
import type { Line } from '../../domain/line';
import type { Network } from '../../domain/network';
import { referencePattern } from '../../domain/patternOps';
import type { ToolPoint } from './mapTool';

/** The line's route as drawn for highlighting: its longest direction-0 pattern (a loop closed). */
export function linePath(network: Network, line: Line | undefined): LonLat[] {
  const p = line && (referencePattern(line, 0) ?? line.patterns[0]);
  if (!p) return [];
  const coord = new Map(network.stations.map((s) => [s.id, s.coord]));
  const stops = p.loop ? [...p.stops, p.stops[0]!] : p.stops;
  return stops.map((s) => coord.get(s)).filter((c) => c !== undefined);
}

/** Points for stations by id, each with a role (unknown ids are left out). */
export function stationPoints(
  network: Network,
  ids: readonly string[],
  role: ToolPoint['role'],
  color?: string,
): ToolPoint[] {
  const coord = new Map(network.stations.map((s) => [s.id, s.coord]));
  return ids.flatMap((id) => {
    const c = coord.get(id);
    return c ? [{ coord: c, role, ...(color && { color }) }] : [];
  });
}

/** Highlight colour of a line: its own, thick. */
export const HIGHLIGHT_WIDTH = 10;
