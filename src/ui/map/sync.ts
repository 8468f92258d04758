import type { Map as MapLibreMap } from 'maplibre-gl';

/** Maps shown together (side by side or swipe) move together; a map kept hidden sits out. */
const group = new Set<MapLibreMap>();
let syncing = false;

const cameraOf = (map: MapLibreMap) => ({
  center: map.getCenter(),
  zoom: map.getZoom(),
  bearing: map.getBearing(),
  pitch: map.getPitch(),
});

export interface SyncMember {
  /** Out of the group (hidden: it neither follows nor leads), or back in at the group's camera. */
  setShown(shown: boolean): void;
  leave(): void;
}

/** Hidden maps: they follow the shown ones once a move ends, so their tiles are ready when shown. */
const resting = new Set<MapLibreMap>();

export function joinSync(map: MapLibreMap): SyncMember {
  const follow = () => {
    if (syncing || !group.has(map)) return;
    syncing = true;
    const camera = cameraOf(map);
    for (const other of group) if (other !== map) other.jumpTo(camera);
    syncing = false;
  };
  const settle = () => {
    if (!group.has(map)) return;
    const camera = cameraOf(map);
    for (const other of resting) other.jumpTo(camera);
  };
  const join = () => {
    const peer = [...group][0];
    if (peer) map.jumpTo(cameraOf(peer));
    group.add(map);
  };
  join();
  map.on('move', follow);
  map.on('moveend', settle);
  return {
    setShown(shown) {
      if (shown && !group.has(map)) {
        resting.delete(map);
        join();
      } else if (!shown && group.has(map)) {
        group.delete(map);
        resting.add(map);
      }
    },
    leave() {
      map.off('move', follow);
      map.off('moveend', settle);
      group.delete(map);
      resting.delete(map);
    },
  };
}
