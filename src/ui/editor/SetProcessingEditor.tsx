import { useSignal } from '@preact/signals';
import { resolveAssumptions } from '../../domain/assumptions';
import { LAYERS } from '../../domain/layer';
import { nameIn } from '../../domain/names';
import type { SetProcessing } from '../../domain/scenario';
import { t } from '../i18n';
import { lang } from '../state/store';
import { type EditorProps, updater, useMapTool } from './editorProps';
import {
  FieldIssues,
  Hint,
  LayerSelect,
  OptionalMinutesField,
  Segmented,
  StationSelect,
  stationName,
} from './fields';
import { stationPoints } from './overlay';
import {
  type TargetKind,
  targetKind,
  toggleStation,
  withEntryMinutes,
  withExitMinutes,
  withTarget,
  withTargetKind,
} from './setProcessing';
import { secondsToMinutes } from './units';

/** Entry and exit processing for a layer, listed stations or a hub: walk-on operation, faster security. */
export function SetProcessingEditor({ mod, modKey, network, issues }: EditorProps<SetProcessing>) {
  const update = updater<SetProcessing>(modKey);
  const kind = targetKind(mod);
  const pick = useSignal('');
  const a = resolveAssumptions(network.assumptions);
  const hubStations =
    mod.hub !== undefined ? (network.hubs.find((h) => h.id === mod.hub)?.stations ?? []) : [];
  const chosen = kind === 'stations' ? (mod.stations ?? []) : hubStations;
  const layerNow = mod.layer && LAYERS.includes(mod.layer) ? a.layers[mod.layer] : undefined;
  useMapTool({
    lines: [],
    points: stationPoints(network, chosen, 'picked'),
    stations: network.stations,
    onClick: ({ station }) => {
      if (!station) return;
      if (kind === 'stations') update((m) => toggleStation(m, station.id));
      else if (kind === 'hub') {
        const hub = network.hubs.find((h) => h.stations.includes(station.id));
        if (hub) update((m) => withTarget(m, { hub: hub.id }));
      } else update((m) => withTarget(m, { layer: station.layer }));
    },
  });
  return (
    <div class="mod-editor" data-testid="editor-set-processing">
      <Hint>{t('ed.setProcessing.hint')}</Hint>
      <Segmented
        legend={t('ed.appliesTo')}
        name="processing-target"
        options={['layer', 'stations', 'hub'] as TargetKind[]}
        value={kind}
        label={(k) => t(`ed.target.${k}`)}
        disabled={(k) => k === 'hub' && network.hubs.length === 0}
        onChange={(k) => update((m) => withTargetKind(m, k, network))}
      />
      {kind === 'layer' && (
        <LayerSelect
          label={t('ed.layer')}
          value={mod.layer}
          testid="processing-layer"
          onChange={(layer) => update((m) => withTarget(m, { layer }))}
        />
      )}
      {kind === 'stations' && (
        <div>
          <ul class="picked-stations" data-testid="processing-stations">
            {(mod.stations ?? []).map((s) => (
              <li key={s}>
                {stationName(network, s)}{' '}
                <button
                  type="button"
                  aria-label={t('ed.removeStop')}
                  onClick={() => update((m) => toggleStation(m, s))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <div class="add-stop">
            <StationSelect
              label={t('ed.addStation')}
              stations={network.stations.filter((s) => !(mod.stations ?? []).includes(s.id))}
              value={pick.value}
              placeholder={t('ed.choose')}
              testid="processing-station"
              onChange={(v) => (pick.value = v)}
            />
            <button
              type="button"
              disabled={!pick.value}
              data-testid="processing-add-station"
              onClick={() => {
                const id = pick.value;
                update((m) => toggleStation(m, id));
                pick.value = '';
              }}
            >
              {t('ed.add')}
            </button>
          </div>
        </div>
      )}
      {kind === 'hub' && (
        <label class="field">
          <span>{t('ed.hub')}</span>
          <select
            value={mod.hub}
            data-testid="processing-hub"
            onChange={(e) => update((m) => withTarget(m, { hub: (e.target as HTMLSelectElement).value }))}
          >
            {network.hubs.map((h) => (
              <option key={h.id} value={h.id}>
                {nameIn(h.name, lang.value)} ({h.id})
              </option>
            ))}
          </select>
        </label>
      )}
      <FieldIssues issues={issues} field=".layer" />
      <FieldIssues issues={issues} field=".stations" />
      <FieldIssues issues={issues} field=".hub" />
      <OptionalMinutesField
        label={t('ed.entry')}
        seconds={mod.entrySeconds}
        placeholder={layerNow ? String(secondsToMinutes(layerNow.entrySeconds)) : t('ed.unchanged')}
        testid="processing-entry"
        onMinutes={(v, key) => update((m) => withEntryMinutes(m, v), key)}
        issues={issues}
        field=".entrySeconds"
      />
      <OptionalMinutesField
        label={t('ed.exit')}
        seconds={mod.exitSeconds}
        placeholder={layerNow ? String(secondsToMinutes(layerNow.exitSeconds)) : t('ed.unchanged')}
        testid="processing-exit"
        onMinutes={(v, key) => update((m) => withExitMinutes(m, v), key)}
        issues={issues}
        field=".exitSeconds"
      />
    </div>
  );
}
