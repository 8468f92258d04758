import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import './ridership.css';
import { nameIn } from '../../domain/names';
import { editableTarget } from '../editor/session';
import { whole } from '../format';
import { t } from '../i18n';
import { type MapSide, singleSide } from '../map/view';
import { Progress } from '../panels/Progress';
import { reportView } from '../report/Report';
import { activeScenario, beforeScenario, lang, layout, period } from '../state/store';
import { Assumptions } from './Assumptions';
import { areasOf } from './areas';
import { CommuteChangeChart, CommuteChart, SourcesChart } from './Charts';
import { CommuteFigures } from './CommuteFigures';
import { LineTable } from './LineTable';
import { featuredLine, lineRows } from './lineRows';
import { GAIN, LOSS, loadScale, MAX_WIDTH } from './loadFeatures';
import {
  computeAgain,
  currentDemand,
  type DemandResult,
  demandMatchesBefore,
  demandWork,
  exportDemandWork,
  ridershipArea,
  ridershipFolded,
  ridershipOpen,
  setRidershipOpen,
  shownDemand,
} from './state';

/** Opens (and closes) the Ridership view. */
export function RidershipButton() {
  return (
    <button
      type="button"
      class="ridership-open"
      data-testid="ridership-open"
      aria-pressed={ridershipOpen.value}
      title={t('ridership.openTitle')}
      onClick={() => setRidershipOpen(!ridershipOpen.value)}
    >
      {t('ridership.open')}
    </button>
  );
}

/** The demand run under way: its stage, how far, and Cancel (the last figures stay shown meanwhile). */
function DemandProgress() {
  // The view's run, or the export's it waits for (Cancel stops that one).
  const w = demandWork.value ?? exportDemandWork.value;
  if (!w) return null;
  // Balancing the distribution is one step in one worker: no fraction to show until it is done.
  const pct = w.total > 0 ? Math.floor((100 * w.done) / w.total) : 0;
  const indeterminate = w.stage === 'distribution' && w.done < w.total;
  return (
    <div class="ridership-progress" role="status" data-testid="ridership-progress" data-stage={w.stage}>
      <span>{t(`ridership.stage.${w.stage}`)}</span>
      {indeterminate ? <progress /> : <progress max={100} value={pct} />}
      {!indeterminate && <span>{pct} %</span>}
      <button type="button" data-testid="ridership-cancel" onClick={w.cancel}>
        {t('progress.cancel')}
      </button>
    </div>
  );
}

/** What a band's width and colour stand for on the maps shown. */
function LoadLegend({ result }: { result: DemandResult }) {
  const scale = loadScale(result.loads);
  const sides: MapSide[] =
    layout.value !== 'single' && activeScenario.value ? ['before', 'after'] : [singleSide.value];
  const change = sides.includes('difference');
  const sample = (width: number, color: string, text: string) => (
    <li>
      <span class="band" style={{ height: `${width}px`, background: color }} aria-hidden="true" />
      {text}
    </li>
  );
  return (
    <section class="ridership-legend" data-testid="ridership-legend">
      <h3>{t(change ? 'ridership.legendChange' : 'ridership.legend')}</h3>
      <ul>
        {change
          ? [
              // "87,176 more riders", not "+87,176 more" nor "−26,287 fewer": the words carry the sign.
              sample(MAX_WIDTH, GAIN, t('ridership.gain', { riders: whole(scale.change) })),
              sample(MAX_WIDTH / 2, LOSS, t('ridership.loss', { riders: whole(scale.change / 2) })),
            ]
          : [
              sample(MAX_WIDTH, '#555', `${whole(scale.riders)} ${t('ridership.riders')}`),
              sample(MAX_WIDTH / 2, '#555', `${whole(scale.riders / 2)} ${t('ridership.riders')}`),
            ]}
      </ul>
    </section>
  );
}

/** The chosen line's riders and where they come from. */
function LineSources({ result, line }: { result: DemandResult; line: string | undefined }) {
  const l = result.report.lines.find((x) => x.line === line);
  if (!l) return <p class="hint">{t('ridership.pickLine')}</p>;
  const name = nameIn(l.name, lang.value);
  if (!l.sources || !l.scenario)
    return (
      <>
        <h3 data-testid="ridership-chosen">
          {t('ridership.sourcesBaseline', { line: name, riders: whole(l.baseline?.boardings ?? 0) })}
        </h3>
        <p class="hint">{t('ridership.noScenario')}</p>
      </>
    );
  const title = t('ridership.sourcesTitle', { line: name, riders: whole(l.scenario.boardings) });
  return (
    <>
      <h3 data-testid="ridership-chosen">{title}</h3>
      <SourcesChart sources={l.sources} label={title} />
    </>
  );
}

/**
 * The Ridership view: estimated commutes, line boardings and loads, a line's riders and their sources,
 * commuters by commute time, and the assumptions behind them — over the map, which draws the loads.
 */
export function RidershipView() {
  const chosen = useSignal<string | undefined>(undefined);
  /** Folded to its title and progress, so the whole map shows the loads. */
  const folded = ridershipFolded;
  const open = ridershipOpen.value;
  // Escape closes the view, as it does the report — not while typing in a field (an editor's), nor under
  // the report, which Escape closes first.
  useEffect(() => {
    if (!open) return;
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || editableTarget(e.target)) return;
      if (reportView.value === null) setRidershipOpen(false);
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [open]);
  if (!open) return null;
  const d = shownDemand.value;
  const current = currentDemand.value;
  const stale = d !== null && current === null;
  const rows = d ? lineRows(d.report.lines) : [];
  const areas = d ? areasOf(d.report, d.networks.baseline) : [];
  const area = areas.find((a) => a.id === ridershipArea.value) ?? areas[0]!;
  const line = rows.some((r) => r.line.line === chosen.value) ? chosen.value : featuredLine(rows);
  const stations = new Map(
    d
      ? [...(d.networks.scenario?.stations ?? []), ...d.networks.baseline.stations].map((s) => [s.id, s])
      : [],
  );
  const stationName = (id: string) => {
    const s = stations.get(id);
    return s ? nameIn(s.name, lang.value) : id;
  };
  return (
    <section
      class={`ridership panel${folded.value ? ' folded' : ''}`}
      aria-label={t('ridership.title')}
      data-testid="ridership"
    >
      {/* Title, Fold and Close and what is under way with its Cancel: in reach however far it is scrolled. */}
      <div class="ridership-top">
        <div class="ridership-head">
          <h2>{t('ridership.title')}</h2>
          <button
            type="button"
            data-testid="ridership-fold"
            aria-expanded={!folded.value}
            onClick={() => (folded.value = !folded.value)}
          >
            {t(folded.value ? 'ridership.unfold' : 'ridership.fold')}
          </button>
          <button type="button" data-testid="ridership-close" onClick={() => setRidershipOpen(false)}>
            {t('ridership.close')}
          </button>
        </div>
        <Progress inPanel />
        <DemandProgress />
      </div>
      {!folded.value && (
        <p class="note estimate">
          {t('ridership.estimate')}{' '}
          {t('ridership.unit', { period: t(`period.${d?.period ?? period.value}`) })}
        </p>
      )}
      {!demandMatchesBefore.value && (
        <p class="note" data-testid="ridership-vs-baseline">
          {t('ridership.vsBaseline', { name: beforeScenario.value?.name ?? '' })}
        </p>
      )}
      {!current && !demandWork.value && !exportDemandWork.value && (
        <p class={d ? 'warning' : 'hint'} data-testid="ridership-stale">
          {t(d ? 'ridership.stale' : 'ridership.waiting')}{' '}
          <button type="button" data-testid="ridership-again" onClick={computeAgain}>
            {t('ridership.computeAgain')}
          </button>
        </p>
      )}
      {/* Folded, the view leaves the map its key. */}
      {d && folded.value && <LoadLegend result={d} />}
      {d && !folded.value && (
        <div class={stale ? 'stale' : undefined}>
          <Assumptions report={d.report} network={d.networks.baseline} period={d.period} />
          <label class="ridership-area">
            {t('ridership.whose')}{' '}
            <select
              data-testid="ridership-area"
              value={area.id}
              onChange={(e) => (ridershipArea.value = (e.target as HTMLSelectElement).value)}
            >
              {(['all', 'region', 'district'] as const).map((group) => {
                const options = areas
                  .filter((a) => a.group === group)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.label}
                    </option>
                  ));
                return group === 'all' || options.length === 0 ? (
                  options
                ) : (
                  <optgroup key={group} label={t(`ridership.areaGroup.${group}`)}>
                    {options}
                  </optgroup>
                );
              })}
            </select>
          </label>
          <CommuteFigures area={area} />
          <LoadLegend result={d} />
          <h3>{t('ridership.lines')}</h3>
          <div class="line-table-scroll">
            <LineTable
              rows={rows}
              withScenario={d.report.scenario !== undefined}
              stationName={stationName}
              chosen={line}
              onChoose={(id) => (chosen.value = id)}
            />
          </div>
          <LineSources result={d} line={line} />
          <h3>{t('ridership.commuteChart')}</h3>
          <CommuteChart report={area} />
          {area.scenario && (
            <>
              <h3>{t('ridership.commuteChangeChart')}</h3>
              <CommuteChangeChart report={area} />
            </>
          )}
          <p class="note" data-testid="ridership-computed">
            {t('ridership.computedIn', {
              seconds: d.seconds.toFixed(1),
              term: t(`ridership.term.${d.report.term}`),
            })}
          </p>
        </div>
      )}
    </section>
  );
}
