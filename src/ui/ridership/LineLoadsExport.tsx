import { lineLoadsCsv, lineLoadsGeoJson } from '../../io/lineLoads';
import { isCancelled } from '../../workers/errors';
import { t } from '../i18n';
import { downloadText, failed } from '../panels/ExportFile';
import { network } from '../state/store';
import { computeDemand, currentDemand, type DemandResult, demandWork, exportDemandWork } from './state';

/**
 * Line loads as CSV and GeoJSON (io/lineLoads.ts): the Ridership view's figures when it has them for
 * what is shown, else the demand model is run first, with progress and Cancel here (a cancel is no failure).
 */
export function LineLoadsExport() {
  const n = network.value;
  if (!n) return null;
  // The view's own run is under way for the same figures: wait for it rather than run the model twice.
  const busy = exportDemandWork.value !== null || demandWork.value !== null;

  const write = async (save: (d: DemandResult, base: string) => void) => {
    let d = currentDemand.peek();
    if (!d) {
      const controller = new AbortController();
      const cancel = () => controller.abort();
      exportDemandWork.value = { stage: 'choice', done: 0, total: 1, cancel };
      try {
        d = await computeDemand(controller.signal, (p) => {
          if (!controller.signal.aborted) exportDemandWork.value = { ...p, cancel };
        });
      } catch (e) {
        if (!isCancelled(e) && !controller.signal.aborted) failed(e);
        return;
      } finally {
        exportDemandWork.value = null;
      }
    }
    save(d, `${d.networks.baseline.id}-${d.scenario?.id ?? 'baseline'}-${d.period}`);
  };
  const withScenario = (d: DemandResult) => d.report.scenario !== undefined;

  const r = exportDemandWork.value;
  return (
    <>
      <div class="button-row">
        <button
          type="button"
          disabled={busy}
          data-testid="export-lineloads-csv"
          title={t('export.lineLoadsTitle')}
          onClick={() =>
            void write((d, base) =>
              downloadText(`${base}.lineLoads.csv`, lineLoadsCsv(d.loads, withScenario(d)), 'text/csv'),
            )
          }
        >
          {t('export.lineLoadsCsv')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="export-lineloads-geojson"
          title={t('export.lineLoadsTitle')}
          onClick={() =>
            void write((d, base) => {
              const geo = lineLoadsGeoJson(d.loads, withScenario(d), {
                network: d.networks.baseline.id,
                scenario: d.scenario && { id: d.scenario.id, name: d.scenario.name },
                period: d.period,
                term: d.report.term,
              });
              downloadText(`${base}.lineLoads.geojson`, `${JSON.stringify(geo)}\n`, 'application/geo+json');
            })
          }
        >
          {t('export.lineLoadsGeojson')}
        </button>
      </div>
      {r && (
        <div class="export-progress" role="status" data-testid="lineloads-progress">
          <span>{t(`ridership.stage.${r.stage}`)}</span>
          <progress max={r.total} value={r.done} />
          <button type="button" onClick={r.cancel} data-testid="lineloads-cancel">
            {t('progress.cancel')}
          </button>
        </div>
      )}
    </>
  );
}
