import { signal } from '@preact/signals';
import { mapsBySide, primaryMap } from '../map/MapView';
import type { MapSide } from '../map/view';
import { type MapImage, mapImage } from './mapImage';

/** A side the primary map shows for a capture, whatever the view says (null: the view's). */
export const captureSide = signal<MapSide | null>(null);

/**
 * The report-ready image of one side: from the map showing it, or from the primary map made to show it
 * for the capture (a recolouring: the camera stays) and put back after.
 */
export async function captureMap(side: MapSide): Promise<MapImage> {
  const live = mapsBySide.get(side);
  if (live) return mapImage(live, side);
  const map = primaryMap.value;
  if (!map) throw new Error('no map to capture');
  captureSide.value = side;
  try {
    // The map's effects run as the signal changes: colours and lines are set before the capture waits
    // for the map to be idle. Preact re-renders the map's caption on the next frame.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return await mapImage(map, side);
  } finally {
    captureSide.value = null;
  }
}
