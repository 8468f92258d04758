import { readFile } from 'node:fs/promises';
import { importGtfs } from '../io/gtfs';

export interface GtfsBench {
  feed: string;
  /** Wall-clock seconds of the first import in the process (what a user waits for: parsers not yet warm). */
  seconds: number;
  /** The same import again, warm. */
  warmSeconds: number;
  stations: number;
  lines: number;
  patterns: number;
  hubs: number;
  transfers: number;
  zones: number;
  stopTimes: number;
}

const NYC = '../../../shared/data/raw/gtfs-samples/nyc_subway_gtfs_2025_subset.zip';

/**
 * Import time of the NYC subway subset (86k stop_times), for `npm run bench`.
 */
export async function benchGtfsImport(
  path: string = new URL(NYC, import.meta.url).pathname,
): Promise<GtfsBench> {
  const zip = new Uint8Array(await readFile(path));
  const feed = path.split('/').pop()!;
  const run = async () => {
    const started = performance.now();
    const result = await importGtfs({ zip }, { feedName: feed });
    return { result, seconds: (performance.now() - started) / 1000 };
  };
  const cold = await run();
  const warm = await run();
  if (!cold.result.ok)
    throw new Error(
      `${feed} did not import: ${cold.result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  const n = cold.result.network;
  return {
    feed,
    seconds: cold.seconds,
    warmSeconds: warm.seconds,
    stations: n.stations.length,
    lines: n.lines.length,
    patterns: n.lines.reduce((a, l) => a + l.patterns.length, 0),
    hubs: n.hubs.length,
    transfers: n.transfers.length,
    zones: n.zones.length,
    stopTimes: cold.result.report.files.find((f) => f.file === 'stop_times.txt')?.rows ?? 0,
  };
}
