import type { Delta, DemandReport, Figures } from '../../demand/report';
import type { AreaFigures, CommuteFigures } from '../../demand/tally';
import { nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import { whole } from '../format';
import { t } from '../i18n';
import { lang } from '../state/store';
import { regionName } from './Assumptions';

/**
 * The figures of one set of commuters (everyone's, or an area's residents'), as the table reads them; an
 * area adds its jobs–housing balance (职住平衡).
 */
export type AreaSide = Omit<CommuteFigures, 'histogram'> & {
  railRiders: number;
  jobsPerWorker?: number | null;
  shareWorkingInside?: number | null;
};

/**
 * Whose commutes the table and the chart show: everyone (the report's own figures), a region's or a
 * district's residents.
 */
export interface Area {
  id: string;
  group: 'all' | 'region' | 'district';
  label: string;
  workers: number;
  baseline: AreaSide & { histogram: Figures['histogram'] };
  scenario?: AreaSide & { histogram: Figures['histogram'] };
  delta?: Delta;
}

/** Everyone, then each region and each district of the network (its resident workers wherever they work). */
export function areasOf(r: DemandReport, network: Network): Area[] {
  const side = (f: AreaFigures) => ({
    ...f,
    // A region has no assignment of its own: its rail riders are its commuters by rail.
    railRiders: (f.modeShares?.rail ?? 0) * f.commuters,
    // A region's histogram has the bands of everyone's.
    histogram: { bandMinutes: r.baseline.histogram.bandMinutes, commuters: f.histogram },
  });
  return [
    {
      id: 'all',
      group: 'all',
      label: t('ridership.areaAll', { workers: whole(r.workers) }),
      workers: r.workers,
      baseline: r.baseline,
      ...(r.scenario && { scenario: r.scenario }),
      ...(r.delta && { delta: r.delta }),
    },
    ...r.regions.map((g) => ({
      id: g.id,
      group: 'region' as const,
      label: t('ridership.areaRegion', {
        region: regionName(network, g.id),
        workers: whole(g.baseline.residentWorkers),
      }),
      workers: g.baseline.residentWorkers,
      baseline: side(g.baseline),
      ...(g.scenario && { scenario: side(g.scenario) }),
      ...(g.delta && { delta: g.delta }),
    })),
    ...[...r.districts]
      .sort((a, b) =>
        districtLabel(a).localeCompare(districtLabel(b), lang.value === 'zh' ? 'zh-Hans' : 'en'),
      )
      .map((g) => ({
        id: `district:${g.id}`,
        group: 'district' as const,
        label: t('ridership.areaRegion', {
          region: districtLabel(g),
          workers: whole(g.baseline.residentWorkers),
        }),
        workers: g.baseline.residentWorkers,
        baseline: side(g.baseline),
        ...(g.scenario && { scenario: side(g.scenario) }),
        ...(g.delta && { delta: g.delta }),
      })),
  ];
}

/** A district's name in the page's language (its code where the boundaries name none). */
function districtLabel(g: DemandReport['districts'][number]): string {
  return g.name ? nameIn(g.name, lang.value) : g.id;
}
