import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { nameIn } from '../../domain/names';
import { timing } from '../compute/timing';
import { boundaries } from '../data/areas';
import { t } from '../i18n';
import '../panels/strings';
import type { MapSide } from '../map/view';
import { DistrictTable } from '../panels/Districts';
import { failed } from '../panels/ExportFile';
import { Summary } from '../panels/Summary';
import { viewLabel } from '../state/sides';
import { comparison, lang, network } from '../state/store';
import { captureMap } from './capture';
import { dataSources } from './mapImage';

interface ReportImages {
  images: { side: MapSide; url: string; width: number; height: number }[];
}

/** The printable height of an A4 landscape page with the report's 8 mm margins, in CSS pixels. */
const PRINT_HEIGHT_PX = ((210 - 16) * 96) / 25.4;
/** Print lays text out a little taller than the screen (measured: 795 vs 775 px): a margin for it. */
const PRINT_SAFE = 0.95;

/** The printable report: being prepared (its maps drawn), open, or closed. */
export const reportView = signal<'preparing' | ReportImages | null>(null);

function release(state: typeof reportView.value): void {
  if (state && state !== 'preparing') for (const image of state.images) URL.revokeObjectURL(image.url);
}

/**
 * Draw the report's maps (before and, with a scenario, after: each a report-ready image at print
 * resolution) and open the report. The page stays responsive: each map is drawn in a frame of its own.
 */
export async function openReport(): Promise<void> {
  if (reportView.value === 'preparing') return;
  const started = performance.now();
  release(reportView.value);
  reportView.value = 'preparing';
  try {
    const sides: MapSide[] = comparison.value?.report.scenario ? ['before', 'after'] : ['before'];
    const images: ReportImages['images'] = [];
    for (const side of sides) {
      const image = await captureMap(side);
      images.push({ side, url: URL.createObjectURL(image.png), width: image.width, height: image.height });
    }
    reportView.value = { images };
    timing('report', performance.now() - started);
  } catch (e) {
    reportView.value = null;
    failed(e);
  }
}

export function closeReport(): void {
  release(reportView.value);
  reportView.value = null;
}

/**
 * One page to print or save as PDF (the browser's print): the maps, the regional summary with its chart,
 * and the district table, with what they show and where the data comes from.
 */
export function ReportView() {
  const state = reportView.value;
  const c = comparison.value;
  const n = network.value?.network;
  // Printing shows only the report (styles.css: body.printing-report).
  useEffect(() => {
    if (state === null) return;
    document.body.classList.add('printing-report');
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeReport();
    };
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('keydown', key);
      document.body.classList.remove('printing-report');
    };
  }, [state !== null]);
  // One page: printed at the scale that fits its height (it is laid out at the printed width on screen).
  const page = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = page.current;
    if (!element) return;
    // Measured as laid out on screen only: in print the page is zoomed by the fit itself.
    const fit = new ResizeObserver(() => {
      if (!matchMedia('print').matches)
        element.style.setProperty(
          '--print-fit',
          String(Math.min(1, PRINT_SAFE * (PRINT_HEIGHT_PX / element.offsetHeight))),
        );
    });
    fit.observe(element);
    return () => fit.disconnect();
  });
  if (!state) return null;
  if (state === 'preparing' || !c || !n)
    return (
      <div class="report-view preparing" role="status" data-testid="report-preparing">
        <p>{t('report.preparing')}</p>
      </div>
    );
  const doc = c.doc;
  const l = lang.value;
  const period = n.periods.find((p) => p.id === doc.period.id);
  const attribution = dataSources(doc.network.attribution, boundaries.value?.attribution ?? []);
  return (
    <div class="report-view" role="dialog" aria-label={t('report.title')} data-testid="report">
      <div class="report-toolbar">
        <button type="button" data-testid="report-print" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <button type="button" data-testid="report-close" onClick={closeReport}>
          {t('districts.close')}
        </button>
        <span class="note">{t('report.hint')}</span>
      </div>
      <article class="report-page" ref={page} data-testid="report-page">
        <header>
          <h1>
            {nameIn(doc.network.name, l)} —{' '}
            {!doc.scenario
              ? t('summary.baseline')
              : doc.before
                ? t('report.compared', { after: doc.scenario.name, before: doc.before.name })
                : doc.scenario.name}
          </h1>
          <p class="meta">
            {period ? `${nameIn(period.name, l)} ${period.start}–${period.end}` : doc.period.id} ·{' '}
            {t('report.generated')} {new Date(doc.generatedAt).toLocaleString(l === 'zh' ? 'zh-CN' : 'en')} ·
            Commuteshed {doc.engine.version}
          </p>
          {doc.scenario?.description && <p class="description">{doc.scenario.description}</p>}
        </header>
        <div class={`report-body n${state.images.length}`}>
          {state.images.map((image) => (
            <figure key={image.side} class={`report-map ${image.side}`}>
              <img
                src={image.url}
                alt={viewLabel(image.side)}
                width={image.width}
                height={image.height}
                data-testid={`report-map-${image.side}`}
              />
            </figure>
          ))}
          <div class="report-summary">
            <Summary />
          </div>
          {(doc.districts ?? []).length > 0 && (
            <section class="report-districts">
              <h2>{t('districts.title')}</h2>
              <DistrictTable doc={doc} compact />
            </section>
          )}
        </div>
        <footer>
          {n.zoneAttributes?.jobs.estimate && <span>{t('legend.estimate')}. </span>}
          {t('attribution')}: {attribution}
        </footer>
      </article>
    </div>
  );
}
