import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { openFiles } from './data/files';
import { ScenarioPanel } from './editor/ScenarioPanel';
import { t } from './i18n';
import { MapView } from './map/MapView';
import { singleSide } from './map/view';
import { Controls } from './panels/Controls';
import { DistrictsDrawer } from './panels/Districts';
import { ExportPanel } from './panels/Export';
import { GtfsPanel } from './panels/GtfsPanel';
import { Legend } from './panels/Legend';
import { Messages } from './panels/Messages';
import { Progress } from './panels/Progress';
import { RouteDetail } from './panels/RouteDetail';
import { Settings } from './panels/Settings';
import { Summary } from './panels/Summary';
import { captureSide } from './report/capture';
import { ReportView } from './report/Report';
import { RidershipButton, RidershipView } from './ridership/RidershipView';
import { currentMetric } from './state/metrics';
import { viewLabel } from './state/sides';
import { activeScenario, comparison, lang, layout, network, selectedZone } from './state/store';

/**
 * One map, or two side by side or with a swipe. The first map is the same map in every layout and view
 * (only its colours change), so switching keeps the camera and costs a recolouring; a second map joins
 * it at its camera.
 */
function Maps() {
  const swipe = useSignal(50);
  const compare = activeScenario.value !== null && comparison.value?.report.scenario !== undefined;
  const l = compare ? layout.value : 'single';
  const first = captureSide.value ?? (l === 'single' ? singleSide.value : 'before');
  return (
    <div class={`maps ${l}`} style={l === 'swipe' ? { '--swipe': `${swipe.value}%` } : undefined}>
      <MapView key="primary" side={first} primary label={viewLabel(first)} />
      {compare && <MapView key="second" side="after" label={viewLabel('after')} hidden={l === 'single'} />}
      {l === 'swipe' && (
        <input
          class="swipe-handle"
          type="range"
          min={0}
          max={100}
          value={swipe.value}
          aria-label={t('layout.swipe')}
          onInput={(e) => (swipe.value = Number((e.target as HTMLInputElement).value))}
        />
      )}
    </div>
  );
}

/** The page: controls and summary on the left, maps in the middle, route detail on the right. */
export function App() {
  const dragging = useSignal(false);
  const n = network.value;
  // Files dropped anywhere on the page open as if picked.
  useEffect(() => {
    const over = (e: DragEvent) => {
      e.preventDefault();
      dragging.value = true;
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) dragging.value = false;
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      dragging.value = false;
      void openFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  const side =
    activeScenario.value && comparison.value?.report.scenario && layout.value === 'single'
      ? singleSide.value
      : 'before';
  return (
    <div class={`app ${dragging.value ? 'dragging' : ''}`} lang={lang.value === 'zh' ? 'zh-Hans' : 'en'}>
      <header>
        <h1>{t('app.title')}</h1>
        <span class="tagline">{t('app.tagline')}</span>
        <Settings />
      </header>
      <aside class="left">
        <Controls />
        {/* Above the legend, which with a scenario's description above it pushed the button out of sight. */}
        <RidershipButton />
        <Legend side={side} />
        {currentMetric.value.source.kind === 'isochrone' && selectedZone.value === null && (
          <p class="hint panel">{t('metric.pickZone')}</p>
        )}
        <Summary />
        <ExportPanel />
        {n && (
          <footer class="attribution">
            {t('attribution')}: {n.network.attribution.map((a) => a.text).join('; ')}
          </footer>
        )}
      </aside>
      <main>
        <Maps />
        <DistrictsDrawer />
        <RidershipView />
        <Progress />
        <Messages />
      </main>
      <aside class="right">
        <ScenarioPanel />
        <RouteDetail />
        <GtfsPanel />
      </aside>
      {dragging.value && <div class="drop-overlay">{t('files.hint')}</div>}
      <ReportView />
    </div>
  );
}
