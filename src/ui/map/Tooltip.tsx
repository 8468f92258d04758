import { type Signal, useSignal } from '@preact/signals';
import type * as maplibregl from 'maplibre-gl';
import { LAYERS } from '../../domain/layer';
import { type Language, nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import { t } from '../i18n';
import '../panels/strings';
import { LOAD_LAYER } from '../ridership/loadLayer';
import { loadTipLines, stationRidershipLines } from '../ridership/tips';
import { currentMetricLabel } from '../state/metrics';
import { lang, sideNetwork } from '../state/store';
import { formatValue } from './classes';
import type { MapSide } from './view';
import { sideScale, sideValues } from './view';

/** What the pointer is on; the text is made at render time, so it follows the metric, side and language. */
type Hit =
  | { kind: 'zone'; zone: number }
  | { kind: 'station'; id: string }
  | { kind: 'line'; id: string }
  | { kind: 'load'; index: number };

interface TipState {
  x: number;
  y: number;
  side: MapSide;
  hit: Hit;
}

export interface TooltipHandle {
  state: Signal<TipState | null>;
  /** Shows what is under the pointer; returns the zone there, if the pointer is on one. */
  show(map: maplibregl.Map, e: maplibregl.MapMouseEvent, side: MapSide): number | null;
  hide(): void;
}

/** What the tooltip names, topmost first: stations, line loads, the lines of every layer (buses too), zones. */
const HIT_LAYERS = ['stations', LOAD_LAYER, ...LAYERS.map((l) => `lines-${l}`), 'zones-fill', 'zones-point'];

const headwayText = (seconds: number) =>
  Number.isFinite(seconds) ? `${Math.round(seconds / 60)} ${t('unit.min')}` : '—';

const bothNames = (name: { zh?: string; en?: string }) => [name.zh, name.en].filter(Boolean).join(' · ');

function stationLines(n: Network, id: string, l: Language): string[] {
  const station = n.stations.find((s) => s.id === id);
  if (!station) return [];
  const serving = n.lines.filter((line) => line.patterns.some((p) => p.stops.includes(id)));
  return [
    bothNames(station.name),
    t(`layer.${station.layer}`),
    ...serving.map((line) => {
      const peak = Math.min(
        ...line.patterns
          .filter((p) => p.stops.includes(id))
          .map((p) => p.headways['am-peak'] ?? Number.POSITIVE_INFINITY),
      );
      return `${nameIn(line.name, l)} — ${t('tooltip.every')} ${headwayText(peak)} ${t('tooltip.inPeriod', { period: t('period.am-peak') })}`;
    }),
  ];
}

function lineLines(n: Network, id: string): string[] {
  const line = n.lines.find((l) => l.id === id);
  if (!line) return [];
  const best = (period: string) =>
    Math.min(...line.patterns.map((p) => p.headways[period] ?? Number.POSITIVE_INFINITY));
  return [
    bothNames(line.name),
    t(`layer.${line.layer}`),
    `${t('period.am-peak')}: ${t('tooltip.every')} ${headwayText(best('am-peak'))}; ${t('period.off-peak')}: ${headwayText(best('off-peak'))}`,
  ];
}

/** A zone: its name and id (the id is what the route fields take), people and jobs, the value shown. */
function zoneLines(n: Network, z: number, side: MapSide, l: Language): string[] {
  const zone = n.zones[z];
  if (!zone) return [];
  const value = sideValues[side].value?.[z];
  const scale = sideScale[side].value;
  const what =
    side === 'difference'
      ? `${currentMetricLabel.value} (${t('view.difference')})`
      : currentMetricLabel.value;
  return [
    zone.name ? `${nameIn(zone.name, l)} · ${zone.id}` : `${t('tooltip.zone')} ${zone.id}`,
    `${t('tooltip.population')} ${Math.round(zone.population).toLocaleString()} · ${t('tooltip.jobs')} ${Math.round(zone.jobs).toLocaleString()}${n.zoneAttributes?.jobs.estimate ? ` (${t('tooltip.estimate')})` : ''}`,
    value === undefined ? '' : `${what}: ${formatValue(value, scale)}`,
  ].filter(Boolean);
}

/** Names, lines and headways of what is under the pointer: station, line or zone. */
export function useTooltip(): TooltipHandle {
  const state = useSignal<TipState | null>(null);
  return {
    state,
    hide: () => {
      state.value = null;
    },
    show(map, e, side) {
      const under = map.queryRenderedFeatures(e.point, {
        layers: HIT_LAYERS.filter((id) => map.getLayer(id)),
      });
      // The zone a click here would pick, even under a line or station (the tooltip names the topmost).
      const zoneFeature = under.find((u) => u.layer.id === 'zones-fill' || u.layer.id === 'zones-point');
      const zoneIndex = zoneFeature ? Number(zoneFeature.id) : null;
      const f = under[0];
      const hit: Hit | null = !f
        ? null
        : f.layer.id === 'stations'
          ? { kind: 'station', id: String(f.properties.id) }
          : f.layer.id === LOAD_LAYER
            ? { kind: 'load', index: Number(f.properties.i) }
            : f.layer.id.startsWith('lines-')
              ? { kind: 'line', id: String(f.properties.id) }
              : { kind: 'zone', zone: Number(f.id) };
      state.value = hit ? { x: e.point.x, y: e.point.y, side, hit } : null;
      return zoneIndex;
    },
  };
}

export function Tooltip({ state }: { state: TooltipHandle }) {
  const s = state.state.value;
  const n = sideNetwork(s?.side ?? 'before');
  if (!s || !n) return null;
  const l = lang.value;
  const lines =
    s.hit.kind === 'zone'
      ? zoneLines(n, s.hit.zone, s.side, l)
      : s.hit.kind === 'station'
        ? [...stationLines(n, s.hit.id, l), ...stationRidershipLines(s.hit.id, s.side)]
        : s.hit.kind === 'load'
          ? loadTipLines(s.hit.index, l)
          : lineLines(n, s.hit.id);
  if (lines.length === 0) return null;
  return (
    <div
      class="tooltip"
      style={{ left: `${s.x + 14}px`, top: `${s.y + 14}px` }}
      role="tooltip"
      data-testid="map-tooltip"
    >
      {lines.map((line, k) => (
        <div key={k} class={k === 0 ? 'title' : undefined}>
          {line}
        </div>
      ))}
    </div>
  );
}
