import type { LonLat } from '../../domain/geo';
import type { Line } from '../../domain/line';
import type { Network } from '../../domain/network';
import { referencePattern } from '../../domain/patternOps';
import { coordLookup } from './lineDefaults';
import type { ToolPoint } from './mapTool';

/** The line's route as drawn for highlighting: its longest direction-0 pattern (a loop closed). */
export function linePath(network: Network, line: Line | undefined): LonLat[] {
  const p = line && (referencePattern(line, 0) ?? line.patterns[0]);
  if (!p) return [];
  const stops = p.loop ? [...p.stops, p.stops[0]!] : p.stops;
  return stops.map(coordLookup(network.stations)).filter((c) => c !== undefined);
}

/** Points for stations by id, each with a role (unknown ids are left out). */
export function stationPoints(
  network: Network,
  ids: readonly string[],
  role: ToolPoint['role'],
  color?: string,
): ToolPoint[] {
  const coordOf = coordLookup(network.stations);
  return ids.flatMap((id) => {
    const c = coordOf(id);
    return c ? [{ coord: c, role, ...(color && { color }) }] : [];
  });
}

/** Highlight colour of a line: its own, thick. */
export const HIGHLIGHT_WIDTH = 10;
