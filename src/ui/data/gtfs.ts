import { signal } from '@preact/signals';
import { proxy } from 'comlink';
import type { LayerId } from '../../domain/layer';
import { isBusRouteType } from '../../io/gtfs/modes';
import type { ImportReport } from '../../io/gtfs/report';
import { ioWorker } from '../../workers/browserIo';
import { t } from '../i18n';
import { progress, report } from '../state/store';
import { makeNetworkCurrent } from './current';
import { reportFailure, reportProblems } from './failure';
import { rememberNetwork } from './saved';

export interface GtfsState {
  files: File[];
  feed: string;
  report: ImportReport;
  reportText: string;
  /** The route-type → layer mapping the planner chose (null: not carried); empty = the defaults. */
  routeTypes: Record<number, LayerId | null>;
  /** Whether its bus routes were kept as lines of the bus layer. */
  keepBuses: boolean;
}

/**
 * The planner's choice for GTFS imports: keep bus, trolleybus and coach routes as lines of the `bus`
 * layer (ImportOptions.keepBuses, the CLI's --bus), or leave them to the area-wide bus of the surface
 * modes (the default). Applies to the next import and to importing the last feed again.
 */
export const keepBusRoutes = signal(false);

/** The last imported feed, kept so the planner can change the layer mapping and import it again. */
export const gtfs = signal<GtfsState | null>(null);

/**
 * Import a GTFS feed in the io worker, with progress and cancel. On success the feed's network becomes
 * current; on failure every problem (file:line:column) is listed and the current network stays.
 */
export async function importGtfsFiles(
  files: File[],
  routeTypes: Record<number, LayerId | null> = {},
  keepBuses = keepBusRoutes.peek(),
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
      { routeTypes, keepBuses },
      proxy((fraction: number) => {
        if (!cancelled && progress.value)
          progress.value = { ...progress.value, done: Math.round(fraction * 100) };
      }),
    );
    if (!result.ok) {
      if (!result.cancelled) {
        reportProblems(result.file, result.issues, result.reportText);
        // Bus routes left out (a bus-only feed has nothing else): say how to keep them.
        const buses = result.report?.routes.dropped.some((r) => isBusRouteType(r.routeType));
        if (buses && !keepBuses) report({ level: 'info', title: t('gtfs.keepBusesHint') });
      }
      return false;
    }
    // The importer's name for the feed: the zip, or the folder (never the folder's first file).
    const feed = result.report.feed;
    gtfs.value = { files, feed, report: result.report, reportText: result.reportText, routeTypes, keepBuses };
    await makeNetworkCurrent({
      network: result.loaded.network,
      checksum: result.loaded.checksum,
      source: feed,
    });
    await rememberNetwork({ source: feed, name: result.loaded.network.name, network: result.file });
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
