import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { LAYERS, type LayerId } from '../../domain/layer';
import { NO_DATA, NO_DATA_COLOR, NO_PATH, NO_PATH_COLOR } from './classes';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Line width and dash per network: trunk widest and long-dashed … metro thin and solid. */
const LINE_STYLE: Record<LayerId, { width: number; dash?: number[] }> = {
  trunk: { width: 5, dash: [2.5, 1.2] },
  intercity: { width: 4.2, dash: [1.2, 0.8] },
  suburban: { width: 3.4, dash: [3, 1] },
  metro: { width: 2.4 },
  bus: { width: 1.4, dash: [1, 1] },
};

export function classColor(colors: string[]): ExpressionSpecification {
  const cases: (number | string)[] = [];
  for (const [k, c] of colors.entries()) cases.push(k, c);
  return [
    'match',
    ['coalesce', ['feature-state', 'c'], NO_DATA],
    ...cases,
    NO_PATH,
    NO_PATH_COLOR,
    NO_DATA_COLOR,
  ] as unknown as ExpressionSpecification;
}

/** Sources and layers, bottom to top. Called on every style load (the basemap may replace the style). */
export function addLayers(map: MapLibreMap, colors: string[]): void {
  for (const id of ['zones', 'circle', 'lines', 'stations', 'route', 'selection']) {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  }
  map.addLayer({
    id: 'zones-fill',
    type: 'fill',
    source: 'zones',
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'fill-color': classColor(colors), 'fill-opacity': 0.78, 'fill-antialias': false },
  });
  map.addLayer({
    id: 'zones-point',
    type: 'circle',
    source: 'zones',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': classColor(colors), 'circle-radius': 5, 'circle-opacity': 0.85 },
  });
  map.addLayer({
    id: 'zones-edge',
    type: 'line',
    source: 'zones',
    minzoom: 9.5,
    paint: { 'line-color': '#ffffff', 'line-width': 0.4, 'line-opacity': 0.6 },
  });
  map.addLayer({
    id: 'commute-circle',
    type: 'line',
    source: 'circle',
    paint: { 'line-color': '#222222', 'line-width': 2.2, 'line-dasharray': [3, 1.5] },
  });
  map.addLayer({
    id: 'lines-changed',
    type: 'line',
    source: 'lines',
    filter: ['!=', ['get', 'changed'], ''],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ff00aa', 'line-width': 11, 'line-opacity': 0.35, 'line-blur': 2 },
  });
  for (const layer of LAYERS) {
    const style = LINE_STYLE[layer];
    map.addLayer({
      id: `lines-${layer}-casing`,
      type: 'line',
      source: 'lines',
      filter: ['all', ['==', ['get', 'layer'], layer], ['!=', ['get', 'changed'], 'removed']],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': style.width + 2 },
    });
    map.addLayer({
      id: `lines-${layer}`,
      type: 'line',
      source: 'lines',
      filter: ['all', ['==', ['get', 'layer'], layer], ['!=', ['get', 'changed'], 'removed']],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'color'],
        'line-width': style.width,
        ...(style.dash ? { 'line-dasharray': style.dash } : {}),
      },
    });
  }
  map.addLayer({
    id: 'lines-removed',
    type: 'line',
    source: 'lines',
    filter: ['==', ['get', 'changed'], 'removed'],
    paint: { 'line-color': '#777777', 'line-width': 2, 'line-dasharray': [1, 1.5] },
  });
  map.addLayer({
    id: 'route-line',
    type: 'line',
    source: 'route',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['coalesce', ['get', 'color'], '#111111'],
      'line-width': ['match', ['get', 'kind'], 'ride', 6, 3],
      'line-dasharray': ['match', ['get', 'kind'], 'ride', ['literal', [1, 0]], ['literal', [1, 1.5]]],
    },
  });
  map.addLayer({
    id: 'stations',
    type: 'circle',
    source: 'stations',
    minzoom: 8,
    paint: {
      'circle-radius': ['match', ['get', 'layer'], 'metro', 2.6, 4],
      'circle-color': '#ffffff',
      'circle-stroke-color': [
        'match',
        ['get', 'layer'],
        'trunk',
        '#333333',
        'intercity',
        '#5a2d82',
        'suburban',
        '#8a5a00',
        '#555555',
      ],
      'circle-stroke-width': ['case', ['get', 'hub'], 2.4, 1.2],
    },
  });
  map.addLayer({
    id: 'selection-line',
    type: 'line',
    source: 'selection',
    paint: { 'line-color': ['match', ['get', 'role'], 'origin', '#000000', '#0050ff'], 'line-width': 3 },
  });
}

export function setLayerVisibility(map: MapLibreMap, visible: Record<LayerId, boolean>): void {
  for (const layer of LAYERS) {
    for (const id of [`lines-${layer}`, `lines-${layer}-casing`]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible[layer] ? 'visible' : 'none');
    }
  }
  if (map.getLayer('stations')) {
    map.setFilter('stations', ['in', ['get', 'layer'], ['literal', LAYERS.filter((l) => visible[l])]]);
  }
}
