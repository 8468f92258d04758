import { LAYERS } from '../../domain/layer';
import { metricLabel } from '../../domain/metrics';
import { nameIn } from '../../domain/names';
import { bundledNetworks } from '../data/bundled';
import { bundledNetwork, openBundledNetwork, openSavedNetwork } from '../data/load';
import { forgetNetwork, savedNetworks } from '../data/saved';
import { describeModification } from '../editor/describe';
import { t } from '../i18n';
import './strings';
import { chooseScenario } from '../state/explore';
import { currentMetric, offeredMetrics } from '../state/metrics';
import { viewLabel } from '../state/sides';
import {
  activeScenario,
  beforeId,
  beforeNetwork,
  beforeScenario,
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
  scenarioNetwork,
  scenarios,
  sideNetwork,
} from '../state/store';

/**
 * The layers with a toggle: those with lines in the networks the maps draw (the network, the scenario
 * and the one compared with), in LAYERS order — no "bus routes" switch on a network without buses.
 */
function shownLayers() {
  const drawn = [sideNetwork('before'), sideNetwork('after')];
  const present = new Set(drawn.flatMap((n) => n?.lines.map((l) => l.layer) ?? []));
  return LAYERS.filter((layer) => present.has(layer));
}

/** Every choice of the view, as native (keyboard-accessible) controls. */
export function Controls() {
  const n = network.value;
  const kept = savedNetworks.value;
  const hasScenario = activeScenario.value !== null;
  const applied = scenarioNetwork.value;
  const invalid = (applied?.issues.length ?? 0) > 0;
  const base = n?.network;
  const pending =
    base && applied && applied.pending.length > 0
      ? applied.pending
          .map((k) =>
            describeModification(
              activeScenario.value!.modifications[k]!,
              [applied.network, base],
              lang.value,
              t,
            ),
          )
          .join('; ')
      : '';
  return (
    <section class="panel controls" aria-label={t('scenario.label')}>
      <label class="field">
        <span>{t('network.label')}</span>
        <select
          data-testid="network-select"
          value={n?.source ?? ''}
          onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value;
            const entry = bundledNetwork(value);
            void (entry ? openBundledNetwork(entry) : openSavedNetwork(value));
          }}
        >
          {bundledNetworks.map((b) => (
            <option key={b.id} value={b.id}>
              {n && n.source === b.id ? nameIn(n.network.name, lang.value) : b.id}
            </option>
          ))}
          {kept.length > 0 && (
            <optgroup label={t('network.kept')}>
              {kept.map((k) => (
                <option key={k.source} value={k.source}>
                  {`${nameIn(k.name, lang.value)} (${k.source})`}
                </option>
              ))}
            </optgroup>
          )}
          {n &&
            !bundledNetworks.some((b) => b.id === n.source) &&
            !kept.some((k) => k.source === n.source) && (
              <option value={n.source}>{nameIn(n.network.name, lang.value)}</option>
            )}
        </select>
      </label>
      {n && kept.some((k) => k.source === n.source) && (
        <button
          type="button"
          class="link"
          data-testid="network-forget"
          title={t('network.forgetHint')}
          onClick={() => void forgetNetwork(n.source)}
        >
          {t('network.forget')}
        </button>
      )}

      <label class="field">
        <span>{t('scenario.label')}</span>
        <select
          data-testid="scenario-select"
          value={scenarioId.value ?? ''}
          onChange={(e) => chooseScenario((e.target as HTMLSelectElement).value || null)}
        >
          <option value="">{t('scenario.none')}</option>
          {scenarios.value.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {hasScenario && <p class="description">{activeScenario.value!.description}</p>}
      {invalid && <p class="warning">{t('scenario.invalid')}</p>}
      {hasScenario && (
        <label class="field" title={t('compare.hint')}>
          <span>{t('compare.label')}</span>
          <select
            data-testid="before-select"
            value={beforeScenario.value?.id ?? ''}
            onChange={(e) => (beforeId.value = (e.target as HTMLSelectElement).value || null)}
          >
            <option value="">{t('compare.baseline')}</option>
            {scenarios.value
              .filter((s) => s.id !== scenarioId.value)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {hasScenario && (beforeNetwork.value?.issues.length ?? 0) > 0 && (
        <p class="warning" data-testid="before-invalid">
          {t('compare.invalid')}
        </p>
      )}
      {pending && (
        <p class="note" data-testid="scenario-pending">
          {t('scenario.pending', { what: pending })}
        </p>
      )}

      <fieldset class="segmented" disabled={!hasScenario}>
        <legend>{t('view.label')}</legend>
        {MODES.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="view"
              value={m}
              checked={mode.value === m}
              onChange={() => (mode.value = m)}
              data-testid={`view-${m}`}
            />
            {viewLabel(m)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('layout.label')}</span>
        <select
          data-testid="layout-select"
          value={layout.value}
          disabled={!hasScenario}
          onChange={(e) => (layout.value = (e.target as HTMLSelectElement).value as Layout)}
        >
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {t(`layout.${l}`)}
            </option>
          ))}
        </select>
      </label>

      <label class="field">
        <span>{t('metric.label')}</span>
        <select
          data-testid="metric-select"
          value={currentMetric.value.id}
          onChange={(e) => (metric.value = (e.target as HTMLSelectElement).value)}
        >
          {offeredMetrics.value.map((m) => (
            <option key={m.id} value={m.id}>
              {metricLabel(m, lang.value)}
            </option>
          ))}
        </select>
      </label>

      <fieldset class="segmented">
        <legend>{t('period.label')}</legend>
        {(n?.network.periods ?? []).map((p) => (
          <label key={p.id}>
            <input
              type="radio"
              name="period"
              value={p.id}
              checked={period.value === p.id}
              onChange={() => (period.value = p.id)}
              data-testid={`period-${p.id}`}
            />
            {nameIn(p.name, lang.value)} {p.start}–{p.end}
          </label>
        ))}
      </fieldset>

      <fieldset class="layers">
        <legend>{t('layers.label')}</legend>
        {shownLayers().map((layer) => (
          <label key={layer}>
            <input
              type="checkbox"
              checked={layerVisible.value[layer]}
              onChange={(e) =>
                (layerVisible.value = {
                  ...layerVisible.value,
                  [layer]: (e.target as HTMLInputElement).checked,
                })
              }
              data-testid={`layer-${layer}`}
            />
            <span class={`swatch layer-${layer}`} aria-hidden="true" />
            {t(`layer.${layer}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
