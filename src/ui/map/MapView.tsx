import { signal, useSignal, useSignalEffect } from '@preact/signals';
import type { FeatureCollection } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import './workerUrl';
import { useEffect, useRef } from 'preact/hooks';
import { resolveAssumptions } from '../../domain/assumptions';
import type { Network } from '../../domain/network';
import { painted, registerMap, timing } from '../compute/timing';
import {
  basemapUrl,
  comparison,
  destinationZone,
  hoveredZone,
  lang,
  layerVisible,
  mapMode,
  network,
  scenarioNetwork,
  selectedZone,
  trips,
} from '../state/store';
import { classify, NO_DATA } from './classes';
import { lineFeatures, outline, stationFeatures, zoneFeatures } from './geojson';
import { addLayers, classColor, setLayerVisibility } from './layers';
import { routeFeatures } from './route';
import { offlineStyle } from './style';
import { joinSync } from './sync';
import { Tooltip, useTooltip } from './Tooltip';
import { type MapSide, sideScale, sideValues } from './view';

interface MapViewProps {
  side: MapSide;
  /** The primary map keeps its position in the URL (#map=zoom/lat/lon). */
  primary?: boolean;
  /** Test id and accessible label. */
  label: string;
}

/** The primary map, for tools that draw on it (the scenario editor) and exports (PNG). */
export const primaryMap = signal<maplibregl.Map | null>(null);

/** Whether the page was opened with a map position in its URL (MapLibre writes one as soon as it starts). */
const openedWithPosition = typeof window !== 'undefined' && /map=/.test(window.location.hash);

const geo = (map: maplibregl.Map, id: string, data: FeatureCollection) =>
  (map.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(data);

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

/** One MapLibre map showing the network and the zones coloured by the chosen metric for one side. */
export function MapView({ side, primary = false, label }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useSignal<maplibregl.Map | null>(null);
  const tooltip = useTooltip();
  /** The colours the zone layers were last given (a new style starts with the current scale's). */
  const paintedColors = useRef('');

  useEffect(() => {
    const url = basemapUrl.value;
    const m = new maplibregl.Map({
      container: container.current!,
      style: url || offlineStyle(),
      center: [116.4, 39.9],
      zoom: 8,
      hash: primary ? 'map' : false,
      attributionControl: { compact: true },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      fadeDuration: 0,
    });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new maplibregl.ScaleControl({}), 'bottom-right');
    const leave = joinSync(m);
    m.on('style.load', () => {
      addLayers(m, sideScale[side].value.colors);
      paintedColors.current = sideScale[side].value.colors.join();
      map.value = null;
      map.value = m;
      registerMap(side, m);
      if (primary) {
        primaryMap.value = null;
        primaryMap.value = m;
      }
    });
    m.on('error', (e) => console.warn('map:', e.error?.message ?? e));
    const resize = new ResizeObserver(() => m.resize());
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      leave();
      m.remove();
      registerMap(side, null);
      map.value = null;
      if (primary && primaryMap.value === m) primaryMap.value = null;
    };
  }, [basemapUrl.value]);

  // The network drawn: the scenario's on the after and difference sides, changes highlighted.
  useSignalEffect(() => {
    const m = map.value;
    const base = network.value?.network;
    if (!m || !base) return;
    const drawn: Network = side === 'before' ? base : (scenarioNetwork.value?.network ?? base);
    geo(m, 'zones', zoneFeatures(base));
    geo(m, 'lines', lineFeatures(drawn, side === 'before' ? undefined : base, lang.value));
    geo(m, 'stations', stationFeatures(drawn, lang.value));
  });

  // Zones fitted once per network (unless the URL already placed the map).
  const fitted = useRef<Network | undefined>(undefined);
  const firstNetwork = useRef(true);
  useSignalEffect(() => {
    const m = map.value;
    const n = network.value?.network;
    if (!m || !n || fitted.current === n) return;
    fitted.current = n;
    if (primary && openedWithPosition && fitted.current === network.value?.network && firstNetwork.current) {
      firstNetwork.current = false;
      return;
    }
    const b = new maplibregl.LngLatBounds();
    for (const z of n.zones) b.extend(z.centroid);
    if (!b.isEmpty()) m.fitBounds(b, { padding: 30, duration: 0 });
  });

  // Zone colours: one class per zone through feature-state (no data rebuilt per repaint).
  useSignalEffect(() => {
    const m = map.value;
    const n = network.value?.network;
    const values = sideValues[side].value;
    const scale = sideScale[side].value;
    if (!m || !n) return;
    const started = performance.now();
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
      if (values) timing(`drawn-${side}`, performance.now());
    });
    m.once('idle', () => {
      painted(values !== undefined);
      timing(`paint-${side}`, performance.now() - started);
    });
    m.triggerRepaint();
  });

  // The 1-hour commute circle: the outline of the zones within it (both outlines on the difference map).
  useSignalEffect(() => {
    const m = map.value;
    const n = network.value?.network;
    const report = comparison.value?.report;
    if (!m || !n) return;
    const limit = resolveAssumptions(n.assumptions).metrics.commuteCircleMinutes * 60;
    const tables =
      side === 'before'
        ? [report?.baseline.table]
        : side === 'after'
          ? [report?.scenario?.table]
          : [report?.baseline.table, report?.scenario?.table];
    const features = tables.flatMap((t, k) =>
      t
        ? outline(n, (z) => t.timeToCore[z]! <= limit).features.map((f) => ({
            ...f,
            properties: { which: k === 0 && side !== 'after' ? 'before' : 'after' },
          }))
        : [],
    );
    geo(m, 'circle', { type: 'FeatureCollection', features });
  });

  // Selected origin and destination outlined (a click on a hovered zone has its isochrone at once, so the
  // outline and the colours reach the map in one frame).
  useSignalEffect(() => {
    const m = map.value;
    const n = network.value?.network;
    if (m && n) drawSelection(m, n, selectedZone.value, destinationZone.value);
  });

  // The route drawn.
  useSignalEffect(() => {
    const m = map.value;
    const n = network.value?.network;
    if (!m || !n) return;
    const t = trips.value;
    const trip = side === 'before' ? t?.baseline : (t?.scenario ?? t?.baseline);
    geo(m, 'route', routeFeatures(trip, side === 'before' ? n : (scenarioNetwork.value?.network ?? n)));
  });

  useSignalEffect(() => {
    const m = map.value;
    if (m) setLayerVisibility(m, layerVisible.value);
  });

  // Click a zone: origin; shift-click: destination (route detail).
  useSignalEffect(() => {
    const m = map.value;
    if (!m) return;
    const click = (e: maplibregl.MapLayerMouseEvent) => {
      if (mapMode.value !== 'explore') return;
      const id = e.features?.[0]?.id;
      if (typeof id !== 'number') return;
      if (e.originalEvent.shiftKey && selectedZone.value !== null) destinationZone.value = id;
      else {
        selectedZone.value = id;
        timing('click', e.originalEvent.timeStamp);
      }
    };
    const move = (e: maplibregl.MapMouseEvent) => {
      const zone = tooltip.show(m, e, side);
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
    <section class="map" data-testid={`map-${side}`} data-ready={map.value ? 'yes' : 'no'} aria-label={label}>
      <div ref={container} class="map-canvas" />
      <div class={`map-caption ${side}`} aria-hidden="true">
        {label}
      </div>
      <Tooltip state={tooltip} />
    </section>
  );
}
