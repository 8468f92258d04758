import { effect, signal } from '@preact/signals';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LonLat } from '../../domain/geo';
import { LAYERS } from '../../domain/layer';
import type { Station } from '../../domain/station';
import { editingMap, styleLoads } from '../map/MapView';
import { mapMode } from '../state/store';
import { metersPerPixel, snapStation } from './stops';

/** How a point of the editing overlay looks. */
export type PointRole = 'new' | 'existing' | 'picked' | 'unpicked' | 'closed' | 'end';

export interface ToolPoint {
  coord: LonLat;
  role: PointRole;
  color?: string;
  /** Index passed to onDrag / onRemove; points without one cannot be dragged or removed. */
  handle?: number;
  draggable?: boolean;
}

export interface ToolClick {
  coord: LonLat;
  /** The station within snapping distance of the click, if any (among the tool's stations). */
  station?: Station;
  /** A line of the network drawn under the click, if any. */
  line?: string;
  /** Snapping distance at the current zoom, metres. */
  snapMeters: number;
}

/**
 * What the open editor draws over the primary map and does with clicks and drags. Editors set it while
 * open; the map is in 'edit' mode (zone clicks ignored) while a tool that takes clicks is set.
 */
export interface MapTool {
  lines: { coords: LonLat[]; color: string; width?: number }[];
  points: ToolPoint[];
  /** Stations a click snaps to. */
  stations?: readonly Station[];
  onClick?(click: ToolClick): void;
  onDrag?(handle: number, coord: LonLat, snapMeters: number): void;
  onDragStart?(): void;
  onDragEnd?(): void;
  /** Right-click on a point with a handle. */
  onRemove?(handle: number): void;
}

export const mapTool = signal<MapTool | null>(null);

/** Pixels within which a click takes a station. */
const SNAP_PIXELS = 12;

const SOURCE_LINES = 'editor-lines';
const SOURCE_POINTS = 'editor-points';
const LAYER_LINES = 'editor-lines';
const LAYER_POINTS = 'editor-points';

const FILL: Record<PointRole, string> = {
  new: '',
  existing: '#ffffff',
  picked: '#ffd400',
  unpicked: '#ffffff',
  closed: '#c0392b',
  end: '#111111',
};

function toolFeatures(tool: MapTool | null): {
  lines: FeatureCollection<LineString>;
  points: FeatureCollection<Point>;
} {
  const lines: Feature<LineString>[] = (tool?.lines ?? [])
    .filter((l) => l.coords.length >= 2)
    .map((l) => ({
      type: 'Feature',
      properties: { color: l.color, width: l.width ?? 5 },
      geometry: { type: 'LineString', coordinates: l.coords },
    }));
  const points: Feature<Point>[] = (tool?.points ?? []).map((p, k) => ({
    type: 'Feature',
    id: k,
    properties: {
      role: p.role,
      fill: p.role === 'new' ? (p.color ?? '#444444') : FILL[p.role],
      stroke: p.role === 'unpicked' ? '#888888' : (p.color ?? '#222222'),
      handle: p.handle ?? -1,
      draggable: p.draggable === true,
    },
    geometry: { type: 'Point', coordinates: p.coord },
  }));
  return {
    lines: { type: 'FeatureCollection', features: lines },
    points: { type: 'FeatureCollection', features: points },
  };
}

function ensureLayers(map: MapLibreMap): void {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  if (!map.getSource(SOURCE_LINES)) map.addSource(SOURCE_LINES, { type: 'geojson', data: empty });
  if (!map.getSource(SOURCE_POINTS)) map.addSource(SOURCE_POINTS, { type: 'geojson', data: empty });
  if (!map.getLayer(LAYER_LINES)) {
    map.addLayer({
      id: LAYER_LINES,
      type: 'line',
      source: SOURCE_LINES,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'color'], 'line-width': ['get', 'width'], 'line-opacity': 0.85 },
    });
  }
  if (!map.getLayer(LAYER_POINTS)) {
    map.addLayer({
      id: LAYER_POINTS,
      type: 'circle',
      source: SOURCE_POINTS,
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'unpicked', 4.5, 'end', 5, 7],
        'circle-color': ['get', 'fill'],
        'circle-stroke-color': ['get', 'stroke'],
        'circle-stroke-width': ['match', ['get', 'role'], 'new', 1.5, 3],
      },
    });
  }
}

function removeLayers(map: MapLibreMap): void {
  for (const id of [LAYER_POINTS, LAYER_LINES]) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of [SOURCE_POINTS, SOURCE_LINES]) if (map.getSource(id)) map.removeSource(id);
}

const snapMeters = (map: MapLibreMap) => SNAP_PIXELS * metersPerPixel(map.getCenter().lat, map.getZoom());

/** The network line drawn under a point, if any (MapView draws each layer's lines as `lines-<layer>`). */
function lineAt(map: MapLibreMap, e: MapMouseEvent): string | undefined {
  const layers = LAYERS.map((l) => `lines-${l}`).filter((id) => map.getLayer(id));
  if (layers.length === 0) return undefined;
  const { x, y } = e.point;
  const hit = map.queryRenderedFeatures(
    [
      [x - 4, y - 4],
      [x + 4, y + 4],
    ],
    { layers },
  )[0];
  const id = hit?.properties?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Keep the overlay and handlers of the current tool on the editing map (the one showing the scenario, else
 * the primary: MapView editingMap; replaced when the basemap or the layout changes, and the layers are
 * added again then). Returns the function that removes everything.
 */
export function startMapTools(): () => void {
  const stopMode = effect(() => {
    const tool = mapTool.value;
    mapMode.value = tool && (tool.onClick || tool.onDrag) ? 'edit' : 'explore';
  });

  const stopMap = effect(() => {
    const map = editingMap.value;
    // A new style (basemap) dropped the overlay's layers: add them again.
    void styleLoads.value;
    if (!map) return;
    ensureLayers(map);
    let dragging: number | null = null;
    let removed = false;
    const gone = () => {
      removed = true;
      if (dragging !== null) mapTool.peek()?.onDragEnd?.();
      dragging = null;
    };
    const listening = [map.on('remove', gone)];

    const click = (e: MapMouseEvent) => {
      const tool = mapTool.peek();
      if (!tool?.onClick) return;
      const coord: LonLat = [e.lngLat.lng, e.lngLat.lat];
      const snap = snapMeters(map);
      const station = tool.stations ? snapStation(tool.stations, coord, snap) : undefined;
      const line = lineAt(map, e);
      tool.onClick({ coord, snapMeters: snap, ...(station && { station }), ...(line && { line }) });
    };
    const down = (e: MapLayerMouseEvent) => {
      const tool = mapTool.peek();
      const f = e.features?.[0];
      if (!tool?.onDrag || !f?.properties?.draggable || e.originalEvent.button !== 0) return;
      // Stops MapLibre panning the map for this gesture: the point moves instead.
      e.preventDefault();
      dragging = Number(f.properties.handle);
      map.getCanvas().style.cursor = 'grabbing';
      tool.onDragStart?.();
    };
    const move = (e: MapMouseEvent) => {
      if (dragging === null) return;
      mapTool.peek()?.onDrag?.(dragging, [e.lngLat.lng, e.lngLat.lat], snapMeters(map));
    };
    const up = () => {
      if (dragging === null) return;
      dragging = null;
      map.getCanvas().style.cursor = '';
      mapTool.peek()?.onDragEnd?.();
    };
    const context = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      const handle = Number(f?.properties?.handle ?? -1);
      const tool = mapTool.peek();
      if (!tool?.onRemove || handle < 0) return;
      e.preventDefault();
      tool.onRemove(handle);
    };
    const enter = (e: MapLayerMouseEvent) => {
      if (e.features?.[0]?.properties?.draggable) map.getCanvas().style.cursor = 'move';
    };
    const leave = () => {
      if (dragging === null) map.getCanvas().style.cursor = '';
    };
    listening.push(
      map.on('click', click),
      map.on('mousedown', LAYER_POINTS, down),
      map.on('mousemove', move),
      map.on('mouseup', up),
      map.on('contextmenu', LAYER_POINTS, context),
      map.on('mouseenter', LAYER_POINTS, enter),
      map.on('mouseleave', LAYER_POINTS, leave),
    );

    // Editors hand over a new tool on every render (fresh callbacks); the overlay is sent to the map only
    // when what it draws changed: each setData re-tiles the source in MapLibre's worker, and until that
    // is back a press on a stop finds nothing to drag.
    let drawn = '';
    const stopData = effect(() => {
      const tool = mapTool.value;
      map.getContainer().classList.toggle('editing', Boolean(tool?.onClick));
      const { lines, points } = toolFeatures(tool);
      const key = JSON.stringify([lines, points]);
      if (key === drawn) return;
      drawn = key;
      (map.getSource(SOURCE_LINES) as GeoJSONSource | undefined)?.setData(lines);
      (map.getSource(SOURCE_POINTS) as GeoJSONSource | undefined)?.setData(points);
    });
    return () => {
      stopData();
      for (const l of listening) l.unsubscribe();
      // A map removed with its view (the basemap or the single map's side changed) has nothing to clean.
      if (!removed) {
        map.getContainer().classList.remove('editing');
        removeLayers(map);
      }
    };
  });
  return () => {
    stopMap();
    stopMode();
    mapMode.value = 'explore';
  };
}
