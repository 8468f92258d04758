import { type ReadonlySignal, useSignalEffect } from '@preact/signals';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LineLayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { LAYERS } from '../../domain/layer';
import type { MapSide } from '../map/view';
import { layerVisible } from '../state/store';
import { loadFeatures, loadScale } from './loadFeatures';
import { demandMatchesBefore, ridershipOpen, shownDemand } from './state';

/** The load bands' source and layer (the tooltip reads segments off LOAD_LAYER). */
export const LOAD_SOURCE = 'ridership-loads';
export const LOAD_LAYER = 'ridership-loads';
const CASING = 'ridership-loads-casing';
/** Zones fade while the bands are drawn, so the bands read over any metric's colours. */
const FADED_ZONES = 0.3;

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const zoneOpacity = new WeakMap<MapLibreMap, unknown>();

/** Bands under the stations (hovering a station still finds it), over the network's lines. */
function addLoadLayers(map: MapLibreMap): void {
  if (map.getSource(LOAD_SOURCE)) return;
  map.addSource(LOAD_SOURCE, { type: 'geojson', data: EMPTY });
  const before = map.getLayer('stations') ? 'stations' : undefined;
  // Thin bands over thick ones; each direction to its right of travel, half its width plus a gap.
  const layout: LineLayerSpecification['layout'] = {
    'line-join': 'round',
    'line-sort-key': ['-', 0, ['get', 'w']],
  };
  const offset: ExpressionSpecification = ['+', ['/', ['get', 'w'], 2], 0.75];
  map.addLayer(
    {
      id: CASING,
      type: 'line',
      source: LOAD_SOURCE,
      layout,
      paint: {
        'line-color': '#ffffff',
        'line-width': ['+', ['get', 'w'], 1.5],
        'line-offset': offset,
        'line-opacity': 0.85,
      },
    },
    before,
  );
  map.addLayer(
    {
      id: LOAD_LAYER,
      type: 'line',
      source: LOAD_SOURCE,
      layout,
      paint: {
        'line-color': ['get', 'c'],
        'line-width': ['get', 'w'],
        'line-offset': offset,
      },
    },
    before,
  );
}

function fadeZones(map: MapLibreMap, faded: boolean): void {
  if (!map.getLayer('zones-fill')) return;
  if (!zoneOpacity.has(map)) zoneOpacity.set(map, map.getPaintProperty('zones-fill', 'fill-opacity'));
  map.setPaintProperty('zones-fill', 'fill-opacity', faded ? FADED_ZONES : (zoneOpacity.get(map) as number));
}

/**
 * Draws the estimated line loads on a map while the Ridership view is open: width by riders on the
 * before and after maps, by their change on the difference map; the networks switched off are left out.
 * `map` is the map while shown (null while hidden or restyling: the layers are added again after a new style).
 */
export function useLoadLayer(map: ReadonlySignal<MapLibreMap | null>, side: ReadonlySignal<MapSide>): void {
  useSignalEffect(() => {
    const m = map.value;
    if (!m) return;
    addLoadLayers(m);
    const s = side.value;
    const open = ridershipOpen.value && (demandMatchesBefore.value || s === 'after');
    const d = open ? shownDemand.value : null;
    (m.getSource(LOAD_SOURCE) as GeoJSONSource).setData(
      d ? loadFeatures(d.loads, s, loadScale(d.loads)) : EMPTY,
    );
    fadeZones(m, d !== null);
    const visible = LAYERS.filter((l) => layerVisible.value[l]);
    for (const id of [CASING, LOAD_LAYER]) m.setFilter(id, ['in', ['get', 'layer'], ['literal', visible]]);
  });
}
