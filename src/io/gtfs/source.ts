import { Utf8Stream } from '../text';
import { feedPath, type IssueLog } from './issues';
import {
  byteText,
  type InflateBudget,
  inflateEntry,
  listZip,
  ZIP_LIMITS,
  type ZipEntry,
  type ZipLimits,
} from './zip';

/** A feed as the caller has it: a zip's bytes, or its files (a dropped folder, or tests). */
export interface GtfsInput {
  zip?: Uint8Array;
  /** File name (a path is fine: only the base name counts) → contents. */
  files?: Record<string, string | Uint8Array>;
}

/** One `.txt` file of the feed. */
export interface FeedFile {
  /** Base name, e.g. `stops.txt`. */
  name: string;
  /** Uncompressed size in bytes (characters for text given as a string); for progress only. */
  size: number;
  read(sink: (text: string) => void, between: (done: number) => Promise<void>): Promise<string | undefined>;
}

const SLICE = 1024 * 1024;

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

/** Skip what zip tools add: folders, macOS resource forks, hidden files. */
function isFeedPath(path: string): boolean {
  const name = baseName(path);
  return (
    name !== '' &&
    !path.startsWith('__MACOSX/') &&
    !name.startsWith('.') &&
    name.toLowerCase().endsWith('.txt')
  );
}

/**
 * The feed's files by base name. A feed zipped with its folder (`gtfs/stops.txt`) is read as is; when two
 * entries share a base name, the one nearest the root wins and the other is reported.
 */
export function openFeed(
  input: GtfsInput,
  label: string,
  log: IssueLog,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, FeedFile> | undefined {
  const files = new Map<string, { file: FeedFile; depth: number; path: string }>();
  const add = (path: string, file: FeedFile) => {
    const depth = path.split('/').length;
    const prev = files.get(file.name);
    if (prev && prev.depth <= depth) {
      log.warn(label, `"${path}" ignored: "${prev.path}" has the same name`);
      return;
    }
    if (prev) log.warn(label, `"${prev.path}" ignored: "${path}" has the same name`);
    files.set(file.name, { file, depth, path });
  };
  if (input.zip) {
    const listing = listZip(input.zip);
    if (!listing.ok) {
      log.error(label, listing.message);
      return undefined;
    }
    const entries = listing.entries.filter((e) => isFeedPath(e.path));
    if (!withinLimits(entries, label, log, limits)) return undefined;
    const budget = { remaining: limits.maxTotalBytes };
    for (const entry of entries) add(entry.path, zipFile(input.zip, entry, log, limits, budget));
  }
  for (const [path, contents] of Object.entries(input.files ?? {})) {
    if (isFeedPath(path)) add(path.replace(/\\/g, '/'), memoryFile(baseName(path), contents, log));
  }
  if (!input.zip && !input.files) log.error(label, 'no feed given (neither a zip nor files)');
  return new Map([...files].map(([name, f]) => [name, f.file]));
}

/**
 * The sizes a zip's directory declares, before anything is inflated: an entry or a feed beyond the limits,
 * or one that declares a bomb's compression ratio, is refused at once (inflating also checks as it goes,
 * since a directory can lie).
 */
function withinLimits(entries: ZipEntry[], label: string, log: IssueLog, limits: ZipLimits): boolean {
  let ok = true;
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const name = baseName(e.path);
    if (e.size > limits.maxEntryBytes) {
      log.error(
        name,
        `inflates to ${byteText(e.size)}, more than the ${byteText(limits.maxEntryBytes)} the importer reads from one file; nothing is imported`,
      );
      ok = false;
    } else if (e.size > limits.ratioAfterBytes && e.size > limits.maxRatio * e.compressedSize) {
      log.error(
        name,
        `would inflate ${Math.round(e.size / Math.max(1, e.compressedSize))} times its compressed size (${byteText(e.compressedSize)} to ${byteText(e.size)}), more than the ${limits.maxRatio} times any real feed does: a "zip bomb"; nothing is imported`,
      );
      ok = false;
    }
  }
  if (ok && total > limits.maxTotalBytes) {
    log.error(
      label,
      `the feed's files inflate to ${byteText(total)}, more than the ${byteText(limits.maxTotalBytes)} the importer reads from one zip; nothing is imported`,
    );
    ok = false;
  }
  return ok;
}

/** After a file is read: a warning if bytes that were not UTF-8 became U+FFFD. */
function warnEncoding(name: string, utf8: Utf8Stream, log: IssueLog): void {
  const p = utf8.problem();
  if (!p) return;
  log.warn(
    feedPath(name, p.line),
    `${p.count} byte sequence${p.count === 1 ? ' is' : 's are'} not UTF-8 (first on this line) and ${p.count === 1 ? 'was' : 'were'} read as "\uFFFD"; GTFS files are UTF-8: names there are garbled (save the file as UTF-8)`,
  );
}

function zipFile(
  zip: Uint8Array,
  entry: ZipEntry,
  log: IssueLog,
  limits: ZipLimits,
  budget: InflateBudget,
): FeedFile {
  const name = baseName(entry.path);
  return {
    name,
    size: entry.size,
    read: async (sink, between) => {
      const utf8 = new Utf8Stream();
      let done = 0;
      const error = await inflateEntry(
        zip,
        entry,
        (bytes) => {
          done += bytes.length;
          const text = utf8.decode(bytes);
          if (text.length > 0) sink(text);
        },
        () => between(done),
        undefined,
        limits,
        budget,
      );
      const rest = utf8.decode(new Uint8Array(0), true);
      if (rest.length > 0) sink(rest);
      warnEncoding(name, utf8, log);
      return error;
    },
  };
}

function memoryFile(name: string, contents: string | Uint8Array, log: IssueLog): FeedFile {
  return {
    name,
    size: contents.length,
    read: async (sink, between) => {
      if (typeof contents === 'string') {
        for (let p = 0; p < contents.length; p += SLICE) {
          sink(contents.slice(p, p + SLICE));
          await between(Math.min(contents.length, p + SLICE));
        }
        return undefined;
      }
      const utf8 = new Utf8Stream();
      for (let p = 0; p < contents.length; p += SLICE) {
        const text = utf8.decode(contents.subarray(p, p + SLICE));
        if (text.length > 0) sink(text);
        await between(Math.min(contents.length, p + SLICE));
      }
      const rest = utf8.decode(new Uint8Array(0), true);
      if (rest.length > 0) sink(rest);
      warnEncoding(name, utf8, log);
      return undefined;
    },
  };
}
