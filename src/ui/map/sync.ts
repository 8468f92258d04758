import type { Map as MapLibreMap } from 'maplibre-gl';

/** Maps shown together (side by side or swipe) move together. */
const group = new Set<MapLibreMap>();
let syncing = false;

export function joinSync(map: MapLibreMap): () => void {
  const follow = () => {
    if (syncing) return;
    syncing = true;
    const camera = {
      center: map.getCenter(),
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    };
    for (const other of group) if (other !== map) other.jumpTo(camera);
    syncing = false;
  };
  const peer = [...group][0];
  if (peer)
    map.jumpTo({
      center: peer.getCenter(),
      zoom: peer.getZoom(),
      bearing: peer.getBearing(),
      pitch: peer.getPitch(),
    });
  group.add(map);
  map.on('move', follow);
  return () => {
    map.off('move', follow);
    group.delete(map);
  };
}
