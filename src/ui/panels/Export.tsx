import { useSignal } from '@preact/signals';
import { resultsJsonPieces, zonesCsv, zonesGeoJson } from '../../io/exports';
import { matrixIssues, serializeResults } from '../../io/results';
import { CancelledError, isCancelled } from '../../workers/errors';
import { exportOmx } from '../../workers/omxExport';
import { engine } from '../compute/engine';
import { timing } from '../compute/timing';
import { draft } from '../editor/session';
import '../editor/strings';
import { reportProblems } from '../data/failure';
import { t } from '../i18n';
import { mapsBySide, primaryMap } from '../map/MapView';
import { mapImage } from '../report/mapImage';
import { openReport, reportView } from '../report/Report';
import { LineLoadsExport } from '../ridership/LineLoadsExport';
import { beforeNetwork, comparison, network, period, progress, scenarioNetwork } from '../state/store';
import { downloadBlob, downloadText, exportBase, failed } from './ExportFile';
import { readyForExport } from './exportCheck';
import './exportStrings';
import './strings';

/** Rows of the matrix written between two yields to the page. */
const ROWS_PER_PIECE = 32;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The results in step with what is shown: computed for the current network, period and (applicable)
 * scenario, with no edit waiting to be committed and no computation running.
 */
function currentDoc() {
  const c = comparison.value;
  const n = network.value;
  if (!c || !n || progress.value !== null || draft.value !== null) return null;
  const expected = scenarioNetwork.value?.scenario ?? null;
  const expectedBefore = expected ? (beforeNetwork.value?.scenario ?? null) : null;
  const d = c.doc;
  if (
    c.scenario !== expected ||
    c.before !== expectedBefore ||
    d.period.id !== period.value ||
    d.network.checksum !== n.checksum
  )
    return null;
  return d;
}

/**
 * Results JSON (optionally with the travel-time matrix), the matrices as OMX, zones as GeoJSON and CSV,
 * the map as PNG.
 */
export function ExportPanel() {
  const withMatrix = useSignal(false);
  const drawing = useSignal(false);
  const running = useSignal<{
    phase: 'compute' | 'write';
    done: number;
    total: number;
    cancel: () => void;
  } | null>(null);
  const doc = currentDoc();
  const n = network.value;
  if (!n) return null;
  const base = doc ? exportBase(doc) : '';
  const busy = running.value !== null;

  type Show = (phase: 'compute' | 'write', done: number, total: number) => void;
  /** An export the planner waits on: progress and cancel in the panel; a failure is reported, a cancel not. */
  const withProgress = async (work: (signal: AbortSignal, show: Show) => Promise<void>) => {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    const show: Show = (phase, done, total) => {
      if (!controller.signal.aborted) running.value = { phase, done, total, cancel };
    };
    show('compute', 0, 1);
    try {
      await work(controller.signal, show);
    } catch (e) {
      if (!isCancelled(e)) failed(e);
    } finally {
      running.value = null;
    }
  };

  /** Offer a file of the results once the document has passed its check (exportCheck.ts). */
  const offer = async (name: string, write: () => void) => {
    if (doc && (await readyForExport(doc, name))) write();
  };

  const exportResults = async () => {
    if (!doc) return;
    if (!withMatrix.value) {
      const name = `${base}.results.json`;
      await offer(name, () => downloadText(name, serializeResults(doc), 'application/json'));
      return;
    }
    if (!(await readyForExport(doc, `${base}.matrix.results.json`))) return;
    // The matrix is not kept for display: compute it again (deterministic: the same numbers) and write it
    // in pieces, yielding to the page, so nothing freezes however large the network.
    const zones = n.network.zones.length;
    await withProgress(async (signal, show) => {
      const run = await engine().compare({
        network: n.network,
        networkKey: n.checksum,
        scenario: doc.scenario,
        before: doc.before ?? null,
        period: doc.period.id,
        matrix: true,
        signal,
        onProgress: ({ done, total }) => show('compute', done, total),
      });
      const matrix = {
        baseline: run.baseline.rows.times!,
        ...(run.scenario && { scenario: run.scenario.rows.times! }),
      };
      const bad = matrixIssues(zones, matrix);
      if (bad.length > 0) {
        reportProblems(`${base}.matrix.results.json`, bad, t('export.invalid'));
        return;
      }
      // Pieces: the head, the matrix's opening, per side an opening, its rows and a closing; the end.
      const total = 3 + (matrix.scenario ? 2 : 1) * (2 + Math.ceil(zones / ROWS_PER_PIECE));
      const parts: string[] = [];
      // The document shown (the same report: the computation is deterministic), with the matrix added.
      for (const piece of resultsJsonPieces(doc, matrix, ROWS_PER_PIECE)) {
        parts.push(piece);
        if (signal.aborted) throw new CancelledError();
        show('write', Math.min(parts.length, total), total);
        await nextFrame();
      }
      downloadBlob(`${base}.matrix.results.json`, new Blob(parts, { type: 'application/json' }));
    });
  };

  // The matrices are not kept for display: computed again (the same numbers) and streamed to an OMX writer
  // in a worker of its own, so the page never holds them.
  const exportMatrices = () =>
    doc &&
    withProgress(async (signal, show) => {
      const blob = await exportOmx(engine(), {
        network: n.network,
        networkKey: n.checksum,
        scenario: doc.scenario,
        before: doc.before ?? null,
        period: doc.period.id,
        signal,
        onProgress: ({ done, total }) => show(done < total ? 'compute' : 'write', done, total),
      });
      if (!signal.aborted) downloadBlob(`${base}.omx`, blob);
    });

  // The map as shown, report-ready: title, scenario, period, legend, scale bar and attribution, at print
  // resolution (mapImage.ts). Timed from the click to the PNG bytes.
  const exportPng = async () => {
    const map = primaryMap.value;
    if (!map || drawing.value) return;
    const side = [...mapsBySide].find(([, m]) => m === map)?.[0] ?? 'before';
    drawing.value = true;
    try {
      const started = performance.now();
      const image = await mapImage(map, side);
      timing('export-png', performance.now() - started);
      downloadBlob(`${base || n.network.id}-${side}.png`, image.png);
    } catch (e) {
      failed(e);
    } finally {
      drawing.value = false;
    }
  };

  const r = running.value;
  return (
    <section class="panel export" aria-label={t('export.title')} data-testid="export">
      <h2>{t('export.title')}</h2>
      {!doc && <p class="hint">{t('export.waiting')}</p>}
      <label class="check">
        <input
          type="checkbox"
          checked={withMatrix.value}
          disabled={busy}
          data-testid="export-matrix"
          onChange={(e) => (withMatrix.value = (e.target as HTMLInputElement).checked)}
        />
        {t('export.matrix')}
      </label>
      <div class="button-row">
        <button
          type="button"
          disabled={!doc || busy}
          data-testid="export-json"
          onClick={() => void exportResults()}
        >
          {t('export.json')}
        </button>
        <button
          type="button"
          disabled={!doc || busy}
          data-testid="export-omx"
          title={t('export.omxTitle')}
          onClick={() => void exportMatrices()}
        >
          {t('export.omx')}
        </button>
        <button
          type="button"
          disabled={!doc || busy}
          data-testid="export-geojson"
          onClick={() =>
            doc &&
            void offer(`${base}.zones.geojson`, () =>
              downloadText(
                `${base}.zones.geojson`,
                `${JSON.stringify(zonesGeoJson(doc, n.network))}\n`,
                'application/geo+json',
              ),
            )
          }
        >
          {t('export.geojson')}
        </button>
        <button
          type="button"
          disabled={!doc || busy}
          data-testid="export-csv"
          onClick={() =>
            void offer(
              `${base}.zones.csv`,
              () => doc && downloadText(`${base}.zones.csv`, zonesCsv(doc), 'text/csv'),
            )
          }
        >
          {t('export.csv')}
        </button>
        <button
          type="button"
          disabled={!primaryMap.value || drawing.value}
          data-testid="export-png"
          onClick={() => void exportPng()}
        >
          {t('export.png')}
        </button>
        <button
          type="button"
          disabled={!doc || busy || reportView.value === 'preparing'}
          data-testid="export-report"
          onClick={() => void openReport()}
        >
          {t('report.open')}
        </button>
      </div>
      <LineLoadsExport />
      {r && (
        <div class="export-progress" role="status" data-testid="export-progress">
          <span>{t(r.phase === 'compute' ? 'export.computing' : 'export.writing')}</span>
          <progress max={r.total} value={r.done} />
          <button type="button" onClick={r.cancel} data-testid="export-cancel">
            {t('progress.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
