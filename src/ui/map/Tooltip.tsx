import { type Signal, useSignal } from '@preact/signals';
import type * as maplibregl from 'maplibre-gl';
import { type Language, nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import { t } from '../i18n';
import { lang, network, scenarioNetwork } from '../state/store';
import type { MapSide } from './view';
import { sideValues } from './view';

interface TipState {
  x: number;
  y: number;
  lines: string[];
}

export interface TooltipHandle {
  state: Signal<TipState | null>;
  /** Shows what is under the pointer; returns the zone there, if the pointer is on one. */
  show(map: maplibregl.Map, e: maplibregl.MapMouseEvent, side: MapSide): number | null;
  hide(): void;
}

const headwayText = (seconds: number | undefined) => (seconds ? `${Math.round(seconds / 60)} min` : '—');

function stationLines(n: Network, id: string, l: Language): string[] {
  const station = n.stations.find((s) => s.id === id);
  if (!station) return [];
  const names = [station.name.zh, station.name.en].filter(Boolean).join(' · ');
  const serving = n.lines.filter((line) => line.patterns.some((p) => p.stops.includes(id)));
  return [
    names,
    `${t(`layer.${station.layer}`)}`,
    ...serving.map((line) => {
      const peak = Math.min(
        ...line.patterns
          .filter((p) => p.stops.includes(id))
          .map((p) => p.headways['am-peak'] ?? Number.POSITIVE_INFINITY),
      );
      return `${nameIn(line.name, l)} — ${t('tooltip.every')} ${headwayText(Number.isFinite(peak) ? peak : undefined)} (${t('period.am-peak')})`;
    }),
  ];
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
      const n =
        side === 'before'
          ? network.value?.network
          : (scenarioNetwork.value?.network ?? network.value?.network);
      if (!n) return null;
      const layers = [
        'stations',
        'lines-trunk',
        'lines-intercity',
        'lines-suburban',
        'lines-metro',
        'zones-fill',
        'zones-point',
      ].filter((id) => map.getLayer(id));
      const under = map.queryRenderedFeatures(e.point, { layers });
      // The zone a click here would pick, even under a line or station (the tooltip names the topmost).
      const zoneFeature = under.find((u) => u.layer.id === 'zones-fill' || u.layer.id === 'zones-point');
      const zoneIndex = zoneFeature && n.zones[Number(zoneFeature.id)] ? Number(zoneFeature.id) : null;
      const f = under[0];
      if (!f) {
        state.value = null;
        return null;
      }
      let lines: string[] = [];
      if (f.layer.id === 'stations') lines = stationLines(n, String(f.properties.id), lang.value);
      else if (f.layer.id.startsWith('lines-')) {
        const line = n.lines.find((l) => l.id === f.properties.id);
        if (line) {
          const peak = Math.min(
            ...line.patterns.map((p) => p.headways['am-peak'] ?? Number.POSITIVE_INFINITY),
          );
          const off = Math.min(
            ...line.patterns.map((p) => p.headways['off-peak'] ?? Number.POSITIVE_INFINITY),
          );
          lines = [
            [line.name.zh, line.name.en].filter(Boolean).join(' · '),
            t(`layer.${line.layer}`),
            `${t('period.am-peak')}: ${t('tooltip.every')} ${headwayText(Number.isFinite(peak) ? peak : undefined)}; ${t('period.off-peak')}: ${headwayText(Number.isFinite(off) ? off : undefined)}`,
          ];
        }
      } else {
        const z = Number(f.id);
        const zone = n.zones[z];
        const value = sideValues[side].value?.[z];
        if (zone) {
          lines = [
            `${t('tooltip.zone')} ${zone.name ? nameIn(zone.name, lang.value) : zone.id}`,
            `${t('tooltip.population')} ${Math.round(zone.population).toLocaleString()} · ${t('tooltip.jobs')} ${Math.round(zone.jobs).toLocaleString()}${n.zoneAttributes?.jobs.estimate ? ` (${t('tooltip.estimate')})` : ''}`,
            value === undefined
              ? ''
              : Number.isFinite(value)
                ? `${t('tooltip.value')} ${value.toFixed(1)}`
                : t('legend.noPath'),
          ].filter(Boolean);
        }
      }
      state.value = lines.length ? { x: e.point.x, y: e.point.y, lines } : null;
      return zoneIndex;
    },
  };
}

export function Tooltip({ state }: { state: TooltipHandle }) {
  const s = state.state.value;
  if (!s) return null;
  return (
    <div class="tooltip" style={{ left: `${s.x + 14}px`, top: `${s.y + 14}px` }} role="tooltip">
      {s.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
