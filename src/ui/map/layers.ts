import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { LAYERS, type LayerId } from '../../domain/layer';
import type { Language } from '../../domain/names';
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

/** Label fonts: drawn by the browser from local fonts (the offline style has no glyph server). */
const REGULAR = ['Noto Sans Regular', 'sans-serif'];
const BOLD = ['Noto Sans Bold', 'sans-serif'];
/** Dark text on a white halo reads over every metric's colours. */
const LABEL_PAINT = { 'text-color': '#1d2327', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 };
const LABEL_LAYERS = ['boundary-labels-district', 'boundary-labels-subdistrict', 'core-labels'];
/** Station name layers: id, zoom they appear from, the networks they name. */
const STATION_LABELS: [string, number, LayerId[]][] = [
  ['station-labels-rail', 9, ['trunk', 'intercity', 'suburban']],
  ['station-labels-metro', 12, ['metro']],
];

/** The name in `lang`, falling back to the other language (names carry `zh` and `en`). */
function nameExpression(lang: Language): ExpressionSpecification {
  const [first, second] = lang === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  return ['coalesce', ['get', first], ['get', second], ''];
}

export function setLabelLanguage(map: MapLibreMap, lang: Language): void {
  for (const id of LABEL_LAYERS)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', nameExpression(lang));
}

/** Sources and layers, bottom to top. Called on every style load (the basemap may replace the style). */
export function addLayers(map: MapLibreMap, colors: string[]): void {
  for (const id of [
    'zones',
    'boundaries',
    'circle',
    'lines',
    'stations',
    'route',
    'selection',
    'boundary-labels',
    'core',
  ]) {
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
  // Orientation: subdistrict lines from zoom 9, district lines (with a white casing) always.
  map.addLayer({
    id: 'boundaries-subdistrict',
    type: 'line',
    source: 'boundaries',
    minzoom: 9,
    filter: ['==', ['get', 'level'], 'subdistrict'],
    paint: {
      'line-color': '#3d4448',
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 13, 1.1],
      'line-opacity': 0.55,
      'line-dasharray': [3, 2],
    },
  });
  for (const [id, paint] of [
    ['boundaries-district-casing', { 'line-color': '#ffffff', 'line-width': 3.2, 'line-opacity': 0.7 }],
    ['boundaries-district', { 'line-color': '#2b3033', 'line-width': 1.3, 'line-opacity': 0.85 }],
  ] as const)
    map.addLayer({
      id,
      type: 'line',
      source: 'boundaries',
      filter: ['==', ['get', 'level'], 'district'],
      layout: { 'line-join': 'round' },
      paint,
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
  // Names, by zoom: rail stations from 9, metro stations from 12 (hubs first where they collide).
  for (const [id, minzoom, layers] of STATION_LABELS)
    map.addLayer({
      id,
      type: 'symbol',
      source: 'stations',
      minzoom,
      filter: ['in', ['get', 'layer'], ['literal', layers]],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 10, 14, 12],
        'text-anchor': 'left',
        'text-offset': [0.6, 0],
        'text-optional': true,
        'symbol-sort-key': ['case', ['get', 'hub'], 0, 1],
      },
      paint: { ...LABEL_PAINT, 'text-color': '#3a3f44' },
    });
  // District names until zoom 10.5, subdistrict names from there.
  map.addLayer({
    id: 'boundary-labels-district',
    type: 'symbol',
    source: 'boundary-labels',
    maxzoom: 10.5,
    filter: ['==', ['get', 'level'], 'district'],
    layout: {
      'text-field': nameExpression('en'),
      'text-font': BOLD,
      'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 14],
      'text-max-width': 8,
      'text-letter-spacing': 0.04,
    },
    paint: LABEL_PAINT,
  });
  map.addLayer({
    id: 'boundary-labels-subdistrict',
    type: 'symbol',
    source: 'boundary-labels',
    minzoom: 10.5,
    filter: ['==', ['get', 'level'], 'subdistrict'],
    layout: {
      'text-field': nameExpression('en'),
      'text-font': REGULAR,
      'text-size': 11,
      'text-max-width': 7,
    },
    paint: { ...LABEL_PAINT, 'text-color': '#2f3539' },
  });
  // The core the commute circle is measured to: always shown, never hidden by other names.
  map.addLayer({
    id: 'core-marker',
    type: 'circle',
    source: 'core',
    paint: {
      'circle-radius': 5,
      'circle-color': '#111111',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'core-labels',
    type: 'symbol',
    source: 'core',
    // Named from where the four core areas stand apart (they overlap below zoom 10 on JJJ).
    minzoom: 10,
    layout: {
      'text-field': nameExpression('en'),
      'text-font': BOLD,
      'text-size': 11,
      'text-anchor': 'top',
      'text-offset': [0, 0.7],
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: LABEL_PAINT,
  });
}

export function setLayerVisibility(map: MapLibreMap, visible: Record<LayerId, boolean>): void {
  for (const layer of LAYERS) {
    for (const id of [`lines-${layer}`, `lines-${layer}-casing`]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible[layer] ? 'visible' : 'none');
    }
  }
  const shown = (layers: LayerId[]): ExpressionSpecification => [
    'in',
    ['get', 'layer'],
    ['literal', layers.filter((l) => visible[l])],
  ];
  if (map.getLayer('stations')) map.setFilter('stations', shown([...LAYERS]));
  for (const [id, , layers] of STATION_LABELS) if (map.getLayer(id)) map.setFilter(id, shown(layers));
}
