import { effect } from '@preact/signals';
import { LAYERS } from '../../domain/layer';
import {
  beforeScenario,
  destinationZone,
  LAYOUTS,
  type Layout,
  lang,
  layerVisible,
  layout,
  MODES,
  metric,
  mode,
  network,
  period,
  scenarioId,
  selectedZone,
  type ViewMode,
} from './store';

/** The view read from the URL's query (the map position is in the hash, kept by MapLibre). */
export function readUrl(): {
  network?: string;
  zone?: string;
  destination?: string;
  scenario?: string;
  before?: string;
} {
  const q = new URLSearchParams(window.location.search);
  const m = q.get('metric');
  // Checked against the network's metrics once it is loaded (state/explore.ts).
  if (m) metric.value = m;
  const v = q.get('view');
  if (v && (MODES as readonly string[]).includes(v)) mode.value = v as ViewMode;
  const l = q.get('layout');
  if (l && (LAYOUTS as readonly string[]).includes(l)) layout.value = l as Layout;
  const p = q.get('period');
  if (p) period.value = p;
  const g = q.get('lang');
  if (g === 'zh' || g === 'en') lang.value = g;
  const hidden = q.get('hide')?.split(',') ?? [];
  layerVisible.value = Object.fromEntries(
    LAYERS.map((layer) => [layer, !hidden.includes(layer)]),
  ) as typeof layerVisible.value;
  const out: ReturnType<typeof readUrl> = {};
  for (const [key, name] of [
    ['network', 'network'],
    ['zone', 'zone'],
    ['destination', 'to'],
    ['scenario', 'scenario'],
    ['before', 'before'],
  ] as const) {
    const value = q.get(name);
    if (value) out[key] = value;
  }
  return out;
}

/** Keep the URL's query in step with the view, so a view can be shared by its address. */
export function writeUrlOnChange(): void {
  effect(() => {
    const n = network.value;
    const q = new URLSearchParams();
    if (n) q.set('network', n.source);
    if (scenarioId.value) q.set('scenario', scenarioId.value);
    if (beforeScenario.value) q.set('before', beforeScenario.value.id);
    q.set('period', period.value);
    q.set('metric', metric.value);
    q.set('view', mode.value);
    if (layout.value !== 'single') q.set('layout', layout.value);
    const zones = n?.network.zones;
    if (zones && selectedZone.value !== null) q.set('zone', zones[selectedZone.value]!.id);
    if (zones && destinationZone.value !== null) q.set('to', zones[destinationZone.value]!.id);
    if (lang.value !== 'en') q.set('lang', lang.value);
    const hidden = LAYERS.filter((l) => !layerVisible.value[l]);
    if (hidden.length) q.set('hide', hidden.join(','));
    const url = `${window.location.pathname}?${q.toString()}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(null, '', url);
  });
}
