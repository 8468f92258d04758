import type { Network } from '../../domain/network';
import { GtfsError } from './errors';
import type { ImportResult } from './import';
import type { GtfsInput } from './source';

/** What a file picker or a drop gives (a browser `File` fits; so does anything with a name and bytes). */
export interface NamedBytes {
  name: string;
  /** A browser File picked with its folder: "feed/stops.txt". */
  webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The importer's input from picked or dropped files: one `.zip` is the feed; otherwise the `.txt` files
 * are (a dropped folder). Other files are left out.
 */
export async function gtfsInputFromFiles(
  files: Iterable<NamedBytes>,
): Promise<{ input: GtfsInput; feedName: string }> {
  const list = [...files];
  const zip = list.find((f) => f.name.toLowerCase().endsWith('.zip'));
  if (zip) return { input: { zip: new Uint8Array(await zip.arrayBuffer()) }, feedName: zip.name };
  const entries = await Promise.all(
    list
      .filter((f) => f.name.toLowerCase().endsWith('.txt'))
      .map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())] as const),
  );
  // A folder's files are named after the folder where the browser says it; never after one of its files.
  const folders = new Set(list.map((f) => f.webkitRelativePath?.split('/').slice(-2, -1)[0] ?? ''));
  const folder = folders.size === 1 ? [...folders][0]! : '';
  return {
    input: { files: Object.fromEntries(entries) },
    feedName:
      entries.length === 0
        ? 'no GTFS files'
        : folder !== ''
          ? folder
          : `GTFS feed (${entries.length} .txt file${entries.length === 1 ? '' : 's'})`,
  };
}

/** The network, or a GtfsError listing every problem (for the CLI and tests). */
export function unwrapImport(result: ImportResult): Network {
  if (result.ok) return result.network;
  throw new GtfsError(result.report.feed, result.issues);
}
