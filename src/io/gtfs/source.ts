import type { IssueLog } from './issues';
import { inflateEntry, listZip, type ZipEntry } from './zip';

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
export function openFeed(input: GtfsInput, label: string, log: IssueLog): Map<string, FeedFile> | undefined {
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
    for (const entry of listing.entries)
      if (isFeedPath(entry.path)) add(entry.path, zipFile(input.zip, entry));
  }
  for (const [path, contents] of Object.entries(input.files ?? {})) {
    if (isFeedPath(path)) add(path.replace(/\\/g, '/'), memoryFile(baseName(path), contents));
  }
  if (!input.zip && !input.files) log.error(label, 'no feed given (neither a zip nor files)');
  return new Map([...files].map(([name, f]) => [name, f.file]));
}

function zipFile(zip: Uint8Array, entry: ZipEntry): FeedFile {
  return {
    name: baseName(entry.path),
    size: entry.size,
    read: async (sink, between) => {
      const decoder = new TextDecoder('utf-8');
      let done = 0;
      const error = await inflateEntry(
        zip,
        entry,
        (bytes) => {
          done += bytes.length;
          const text = decoder.decode(bytes, { stream: true });
          if (text.length > 0) sink(text);
        },
        () => between(done),
      );
      const rest = decoder.decode();
      if (rest.length > 0) sink(rest);
      return error;
    },
  };
}

function memoryFile(name: string, contents: string | Uint8Array): FeedFile {
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
      const decoder = new TextDecoder('utf-8');
      for (let p = 0; p < contents.length; p += SLICE) {
        const text = decoder.decode(contents.subarray(p, p + SLICE), { stream: true });
        if (text.length > 0) sink(text);
        await between(Math.min(contents.length, p + SLICE));
      }
      const rest = decoder.decode();
      if (rest.length > 0) sink(rest);
      return undefined;
    },
  };
}
