import { signal } from '@preact/signals';
import { proxy } from 'comlink';
import type { LayerId } from '../../domain/layer';
import type { ImportReport } from '../../io/gtfs/report';
import { ioWorker } from '../../workers/browserIo';
import { t } from '../i18n';
import { progress, report } from '../state/store';
import { makeNetworkCurrent } from './current';
import { reportFailure, reportProblems } from './failure';

export interface GtfsState {
  files: File[];
  feed: string;
  report: ImportReport;
  reportText: string;
  /** The route-type → layer mapping the planner chose (null: not carried); empty = the defaults. */
  routeTypes: Record<number, LayerId | null>;
}

/** The last imported feed, kept so the planner can change the layer mapping and import it again. */
export const gtfs = signal<GtfsState | null>(null);

/**
 * Import a GTFS feed in the io worker, with progress and cancel. On success the feed's network becomes
 * current; on failure every problem (file:line:column) is listed and the current network stays.
 */
export async function importGtfsFiles(
  files: File[],
  routeTypes: Record<number, LayerId | null> = {},
): Promise<boolean> {
  const io = ioWorker();
  let cancelled = false;
  progress.value = {
    done: 0,
    total: 100,
    label: t('gtfs.importing'),
    cancel: () => {
      cancelled = true;
      void io.cancelGtfs();
    },
  };
  const label = files.find((f) => /\.zip$/i.test(f.name))?.name ?? 'GTFS';
  try {
    const result = await io.importGtfs(
      files,
      { routeTypes },
      proxy((fraction: number) => {
        if (!cancelled && progress.value)
          progress.value = { ...progress.value, done: Math.round(fraction * 100) };
      }),
    );
    if (!result.ok) {
      if (!result.cancelled) {
        reportProblems(result.file, result.issues, result.reportText);
      }
      return false;
    }
    // The importer's name for the feed: the zip, or the folder (never the folder's first file).
    const feed = result.report.feed;
    gtfs.value = { files, feed, report: result.report, reportText: result.reportText, routeTypes };
    await makeNetworkCurrent({
      network: result.loaded.network,
      checksum: result.loaded.checksum,
      source: feed,
    });
    report({
      level: 'info',
      title: `${t('gtfs.imported')} ${feed}: ${result.report.lines} ${t('gtfs.lines')}, ${result.report.patterns} ${t('gtfs.patterns')}`,
    });
    return true;
  } catch (e) {
    reportFailure(label, e);
    return false;
  } finally {
    progress.value = null;
  }
}
