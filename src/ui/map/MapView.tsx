import { computed, signal, useComputed, useSignal, useSignalEffect } from '@preact/signals';
import type { FeatureCollection } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import './workerUrl';
import { useEffect, useRef } from 'preact/hooks';
import { resolveAssumptions } from '../../domain/assumptions';
import type { Network } from '../../domain/network';
import type { ZoneMetricsTable } from '../../metrics/originMetrics';
import { painted, registerMap, timing, unregisterMap } from '../compute/timing';
import { t } from '../i18n';
import '../panels/strings';
import { useLoadLayer } from '../ridership/loadLayer';
import { selectZone } from '../state/explore';
import {
  basemapUrl,
  comparison,
  destinationZone,
  hoveredZone,
  lang,
  layerVisible,
  mapMode,
  network,
  selectedZone,
  sideNetwork,
  trips,
} from '../state/store';
import { BASEMAP_TIMEOUT_MS, basemapFailed, basemapLoaded, styleFor } from './basemap';
import { classify, NO_DATA } from './classes';
import { lineFeatures, outline, stationFeatures, zoneFeatures } from './geojson';
import { addLayers, classColor, setLabelLanguage, setLayerVisibility } from './layers';
import { orientation } from './orientation';
import { routeFeatures } from './route';
import { joinSync, type SyncMember } from './sync';
import { Tooltip, useTooltip } from './Tooltip';
import { type MapSide, sideScale, sideValues } from './view';

interface MapViewProps {
  /** What the map shows; a change recolours the same map (its camera stays). */
  side: MapSide;
  /** The primary map keeps its position in the URL (#map=zoom/lat/lon) and is fitted to a new network. */
  primary?: boolean;
  /** Test id and accessible label. */
  label: string;
  /**
   * Kept ready but not shown (the second map while one map is shown): it holds its data, draws nothing
   * and sits out of the camera sync, so showing it again is a recolouring, not a new map.
   */
  hidden?: boolean;
}

/** The primary map, for tools that draw on it (the scenario editor) and exports (PNG). */
export const primaryMap = signal<maplibregl.Map | null>(null);
/**
 * Style loads of the editing map (a basemap set or changed wipes the layers tools added): the editor adds
 * its own again on each. editingMap alone may not change then — it can be the same map throughout. Only
 * that map's: another map's first style (the second map joining when results come) must not make the
 * editor take its layers and handlers down and up again, in the middle of a drag.
 */
export const styleLoads = signal(0);

/** The visible map showing the active scenario (after or difference), when one does. */
const scenarioMap = signal<maplibregl.Map | null>(null);
/**
 * The map the scenario editor draws its draft on and takes clicks from: the one showing the scenario —
 * side by side, the after map, not the before map (the baseline) — else the primary map.
 */
export const editingMap = computed(() => scenarioMap.value ?? primaryMap.value);

/** The live maps by the side they show (exports draw the one showing the side they want). */
export const mapsBySide = new Map<MapSide, maplibregl.Map>();

/** Whether the page was opened with a map position in its URL (MapLibre writes one as soon as it starts). */
const openedWithPosition = typeof window !== 'undefined' && /map=/.test(window.location.hash);

const geo = (map: maplibregl.Map, id: string, data: FeatureCollection) =>
  (map.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(data);

const circles = new WeakMap<ZoneMetricsTable, ReturnType<typeof outline>>();

/**
 * The commute circle of one table of results: the outline of its zones within `limit`, made once per
 * table (a view switch shows it again; JJJ takes ~0.1 s to outline).
 */
function circleOutline(n: Network, table: ZoneMetricsTable, limit: number): ReturnType<typeof outline> {
  let o = circles.get(table);
  if (!o) {
    o = outline(n, (z) => table.timeToCore[z]! <= limit);
    circles.set(table, o);
  }
  return o;
}

/** The selected origin and destination outlined. */
function drawSelection(
  m: maplibregl.Map,
  n: Network,
  origin: number | null,
  destination: number | null,
): void {
  const features = [
    [origin, 'origin'],
    [destination, 'destination'],
  ].flatMap(([z, role]) => {
    const zone = z === null ? undefined : n.zones[z as number];
    return zone?.geometry
      ? [{ type: 'Feature' as const, properties: { role }, geometry: zone.geometry }]
      : [];
  });
  geo(m, 'selection', { type: 'FeatureCollection', features });
}

/**
 * One MapLibre map showing the network and the zones coloured by the chosen metric for one side. The map
 * is created once: switching side, layout or basemap keeps its camera (a side is a recolouring, a
 * basemap a new style under the same layers).
 */
export function MapView({ side, primary = false, label, hidden = false }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useSignal<maplibregl.Map | null>(null);
  const shown = useSignal<MapSide>(side);
  if (shown.peek() !== side) shown.value = side;
  const visible = useSignal(!hidden);
  if (visible.peek() === hidden) visible.value = !hidden;
  /** The map while it is shown: what the drawing effects draw on (the data effects use `map`). */
  const live = useComputed(() => (visible.value ? map.value : null));
  const sync = useRef<SyncMember | null>(null);
  const tooltip = useTooltip();
  /** The colours the zone layers were last given (a new style starts with the current scale's). */
  const paintedColors = useRef('');

  useEffect(() => {
    let styleUrl = basemapUrl.peek();
    const m = new maplibregl.Map({
      container: container.current!,
      style: styleFor(styleUrl),
      center: [116.4, 39.9],
      zoom: 8,
      hash: primary ? 'map' : false,
      // Shift+drag box zoom is off: shift+click picks the route's destination (README), and MapLibre's
      // box-zoom handler swallows every shift+mousedown. Zoom stays on the wheel, double-click, the
      // +/− buttons and the keyboard (+/−).
      boxZoom: false,
      attributionControl: { compact: true },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      fadeDuration: 0,
    });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({}), 'bottom-right');
    const member = joinSync(m);
    member.setShown(visible.peek());
    sync.current = member;
    // A basemap that does not load (error before its style is in, or no answer in time) is dropped.
    let pending: string | null = styleUrl || null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(timer);
      if (pending)
        timer = setTimeout(
          () => pending && basemapFailed(pending, `no style after ${BASEMAP_TIMEOUT_MS / 1000} s`),
          BASEMAP_TIMEOUT_MS,
        );
    };
    watch();
    m.on('style.load', () => {
      clearTimeout(timer);
      if (pending !== null || styleUrl === '') basemapLoaded(styleUrl);
      pending = null;
      addLayers(m, sideScale[shown.peek()].value.colors);
      paintedColors.current = sideScale[shown.peek()].value.colors.join();
      map.value = null;
      map.value = m;
      if (primary) {
        primaryMap.value = null;
        primaryMap.value = m;
      }
      if (editingMap.peek() === m) styleLoads.value++;
    });
    m.on('error', (e) => {
      const message = e.error?.message ?? String(e);
      if (pending) basemapFailed(pending, message);
      else console.warn('map:', message);
    });
    const stopBasemap = basemapUrl.subscribe((url) => {
      if (url === styleUrl) return;
      styleUrl = url;
      pending = url || null;
      watch();
      m.setStyle(styleFor(url), { diff: false });
    });
    const resize = new ResizeObserver(() => m.resize());
    resize.observe(container.current!);
    return () => {
      clearTimeout(timer);
      stopBasemap();
      resize.disconnect();
      member.leave();
      m.remove();
      map.value = null;
      if (primary && primaryMap.value === m) primaryMap.value = null;
    };
  }, []);

  useSignalEffect(() => {
    sync.current?.setShown(visible.value);
  });

  // The live map under the side it shows, for the tests and the exports.
  useSignalEffect(() => {
    const m = live.value;
    const s = shown.value;
    if (!m) return;
    registerMap(s, m);
    mapsBySide.set(s, m);
    if (s !== 'before') scenarioMap.value = m;
    return () => {
      unregisterMap(s, m);
      if (mapsBySide.get(s) === m) mapsBySide.delete(s);
      if (scenarioMap.peek() === m) scenarioMap.value = null;
    };
  });

  // Zones: their shapes change with the network only (colours are feature-state, below).
  useSignalEffect(() => {
    const m = map.value;
    const base = network.value?.network;
    if (m && base) geo(m, 'zones', zoneFeatures(base));
  });

  // The network drawn: the before side's (the baseline or the scenario compared with) on the before map,
  // the scenario's on the after and difference maps with what differs from the before side highlighted.
  useSignalEffect(() => {
    const m = live.value;
    const s = shown.value;
    const before = sideNetwork('before');
    if (!m || !before) return;
    const drawn = sideNetwork(s)!;
    geo(m, 'lines', lineFeatures(drawn, s === 'before' ? undefined : before, lang.value));
    geo(m, 'stations', stationFeatures(drawn, lang.value));
  });

  // Estimated line loads, while the Ridership view is open.
  useLoadLayer(live, shown);

  // Orientation: boundaries and their names, the core; labels in the chosen language.
  useSignalEffect(() => {
    const m = map.value;
    const o = orientation.value;
    if (!m) return;
    geo(m, 'boundaries', o.boundaries);
    geo(m, 'boundary-labels', o.labels);
    geo(m, 'core', o.core);
  });
  useSignalEffect(() => {
    const m = map.value;
    if (m) setLabelLanguage(m, lang.value);
  });

  // The primary map is fitted to the zones once per network (unless the URL placed it); others follow it.
  const fitted = useRef<Network | undefined>(undefined);
  const firstNetwork = useRef(true);
  useSignalEffect(() => {
    const m = map.value;
    const n = network.value?.network;
    if (!primary || !m || !n || fitted.current === n) return;
    fitted.current = n;
    if (openedWithPosition && firstNetwork.current) {
      firstNetwork.current = false;
      return;
    }
    firstNetwork.current = false;
    const b = new maplibregl.LngLatBounds();
    for (const z of n.zones) b.extend(z.centroid);
    if (!b.isEmpty()) m.fitBounds(b, { padding: 30, duration: 0 });
  });

  // Zone colours: one class per zone through feature-state (no data rebuilt per repaint).
  useSignalEffect(() => {
    const m = live.value;
    const n = network.value?.network;
    const s = shown.value;
    const values = sideValues[s].value;
    const scale = sideScale[s].value;
    if (!m || !n) return;
    const started = performance.now();
    timing(`recolour-${s}`, started);
    // The colour expression follows the scale (time ↔ jobs ↔ change), set only when it changes; the zones
    // keep their class in feature-state.
    const colors = scale.colors.join();
    if (m.getLayer('zones-fill') && paintedColors.current !== colors) {
      paintedColors.current = colors;
      m.setPaintProperty('zones-fill', 'fill-color', classColor(scale.colors));
      m.setPaintProperty('zones-point', 'circle-color', classColor(scale.colors));
    }
    // No value: the NO_DATA class is set, not the state removed. MapLibre 6.17 throws when a feature's
    // state is set after its removal was queued and before the source's state was first applied
    // (SourceFeatureState.updateState reads state[layer][id] of a layer it has not stored yet).
    for (let z = 0; z < n.zones.length; z++)
      m.setFeatureState({ source: 'zones', id: z }, { c: values ? classify(values[z]!, scale) : NO_DATA });
    // The first frame drawn with the new colours, and the map at rest (outlines and other sources too).
    m.once('render', () => {
      if (values) timing(`drawn-${s}`, performance.now());
    });
    m.once('idle', () => {
      painted(values !== undefined);
      timing(`paint-${s}`, performance.now() - started);
    });
    m.triggerRepaint();
  });

  // The 1-hour commute circle: the outline of the zones within it (both outlines on the difference map).
  useSignalEffect(() => {
    const m = live.value;
    const n = network.value?.network;
    const report = comparison.value?.report;
    const s = shown.value;
    if (!m || !n) return;
    const limit = resolveAssumptions(n.assumptions).metrics.commuteCircleMinutes * 60;
    const tables =
      s === 'before'
        ? [report?.baseline.table]
        : s === 'after'
          ? [report?.scenario?.table]
          : [report?.baseline.table, report?.scenario?.table];
    const features = tables.flatMap((table, k) =>
      table
        ? circleOutline(n, table, limit).features.map((f) => ({
            ...f,
            properties: { which: k === 0 && s !== 'after' ? 'before' : 'after' },
          }))
        : [],
    );
    geo(m, 'circle', { type: 'FeatureCollection', features });
  });

  // Selected origin and destination outlined (a click on a hovered zone has its isochrone at once, so the
  // outline and the colours reach the map in one frame).
  useSignalEffect(() => {
    const m = live.value;
    const n = network.value?.network;
    if (m && n) drawSelection(m, n, selectedZone.value, destinationZone.value);
  });

  // The route drawn.
  useSignalEffect(() => {
    const m = live.value;
    const n = network.value?.network;
    const s = shown.value;
    if (!m || !n) return;
    const trip = trips.value;
    const leg = s === 'before' ? trip?.baseline : (trip?.scenario ?? trip?.baseline);
    geo(m, 'route', routeFeatures(leg, sideNetwork(s) ?? n));
  });

  useSignalEffect(() => {
    const m = live.value;
    if (m) setLayerVisibility(m, layerVisible.value);
  });

  // Click a zone: origin (and travel times from it); shift-click: destination (route detail).
  useSignalEffect(() => {
    const m = live.value;
    if (!m) return;
    const click = (e: maplibregl.MapLayerMouseEvent) => {
      if (mapMode.value !== 'explore') return;
      const id = e.features?.[0]?.id;
      if (typeof id !== 'number') return;
      if (e.originalEvent.shiftKey) destinationZone.value = id;
      else {
        selectZone(id);
        timing('click', e.originalEvent.timeStamp);
      }
    };
    const move = (e: maplibregl.MapMouseEvent) => {
      const zone = tooltip.show(m, e, shown.peek());
      if (mapMode.value === 'explore' && hoveredZone.peek() !== zone) hoveredZone.value = zone;
    };
    const out = () => {
      tooltip.hide();
      hoveredZone.value = null;
    };
    const listening = [
      m.on('click', ['zones-fill', 'zones-point'], click),
      m.on('mousemove', move),
      m.on('mouseout', out),
    ];
    return () => {
      for (const l of listening) l.unsubscribe();
    };
  });

  return (
    <section
      class={`map${visible.value ? '' : ' hidden'}`}
      data-testid={visible.value ? `map-${shown.value}` : undefined}
      data-ready={live.value ? 'yes' : 'no'}
      aria-label={label}
      aria-hidden={visible.value ? undefined : 'true'}
    >
      <div ref={container} class="map-canvas" />
      <div class={`map-caption ${shown.value}`} aria-hidden="true">
        {label}
      </div>
      <Tooltip state={tooltip} />
      {primary && !map.value && basemapUrl.value && <p class="map-loading">{t('basemap.loading')}</p>}
    </section>
  );
}
