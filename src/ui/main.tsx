import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { render } from 'preact';
import { App } from './App';
import { startController } from './compute/controller';
import { timing } from './compute/timing';
import { DEFAULT_NETWORK } from './data/bundled';
import { bundledNetwork, openBundledNetwork, openSavedNetwork } from './data/load';
import { refreshSavedNetworks } from './data/saved';
import { restoreSettings } from './panels/Settings';
import { startExploreRules } from './state/explore';
import { beforeId, destinationZone, network, scenarioId, scenarios, selectedZone } from './state/store';
import { readUrl, writeUrlOnChange } from './state/url';

async function start(): Promise<void> {
  const t0 = performance.now();
  restoreSettings();
  const wanted = readUrl();
  render(<App />, document.getElementById('app')!);
  startController();
  void refreshSavedNetworks();
  // The network the address names: bundled, or one this browser kept; else the default one.
  const named = wanted.network ?? DEFAULT_NETWORK;
  const entry = bundledNetwork(named);
  let opened = entry ? await openBundledNetwork(entry) : await openSavedNetwork(named);
  if (!opened && !network.value) opened = await openBundledNetwork(bundledNetwork(DEFAULT_NETWORK)!);
  if (opened) {
    const zones = network.value!.network.zones;
    const index = (id?: string) => (id === undefined ? -1 : zones.findIndex((z) => z.id === id));
    const known = (id?: string) => id !== undefined && scenarios.value.some((s) => s.id === id);
    if (known(wanted.scenario)) scenarioId.value = wanted.scenario!;
    if (known(wanted.before)) beforeId.value = wanted.before!;
    if (index(wanted.zone) >= 0) selectedZone.value = index(wanted.zone);
    if (index(wanted.destination) >= 0) destinationZone.value = index(wanted.destination);
  }
  timing('network-loaded', performance.now() - t0);
  writeUrlOnChange();
  startExploreRules();
}

void start();
