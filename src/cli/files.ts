import { once } from 'node:events';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { type Boundaries, loadBoundaries } from '../io/boundaries';
import { type MatrixInput, resultsJsonPieces } from '../io/exports';
import { loadNetwork, zonesFileOf } from '../io/network';
import { failed, type LoadResult } from '../io/result';
import { checkResults } from '../io/results';
import { loadScenarioFor } from '../io/scenario';
import type { ResultsDocument } from '../io/schema/results';
import { decodeUtf8 } from '../io/text';
import { writeTextFile } from './output';

/** A file's text (UTF-8 checked), or the issue that says why there is none. */
async function readText(
  file: string,
  what = 'the file',
): Promise<{ ok: true; text: string } | { ok: false; issues: Issue[] }> {
  try {
    return decodeUtf8(new Uint8Array(await readFile(file)));
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '$', message: `cannot read ${what}: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
}

/**
 * A network file and, when it names one, its sibling zones file. What the planner should hear about a
 * network that loads (no core, no lines) goes to stderr as warnings naming the file.
 */
export async function readNetwork(file: string): Promise<LoadResult<Network>> {
  const result = await readNetworkFiles(file);
  if (result.ok)
    for (const w of result.warnings ?? [])
      process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
  return result;
}

async function readNetworkFiles(file: string): Promise<LoadResult<Network>> {
  const read = await readText(file);
  if (!read.ok) return failed(file, read.issues);
  const zonesName = zonesFileOf(read.text);
  if (!zonesName) return loadNetwork({ file, text: read.text });
  const zonesFile = join(dirname(file), basename(zonesName));
  const zones = await readText(zonesFile, 'the zones file');
  if (!zones.ok) {
    // The network's own problems first; if it has none, that its zones file cannot be read.
    const alone = loadNetwork({ file, text: read.text });
    const missing = (i: Issue) => i.path === '$.zonesFile' && i.message.startsWith('the zones file');
    if (!alone.ok && !alone.issues.some(missing)) return alone;
    return failed(zonesFile, zones.issues);
  }
  return loadNetwork({ file, text: read.text, zones: { file: zonesFile, text: zones.text } });
}

/** A scenario file, checked in full against the network it will be applied to. */
export async function readScenario(file: string, network: Network): Promise<LoadResult<Scenario>> {
  const read = await readText(file);
  if (!read.ok) return failed(file, read.issues);
  return loadScenarioFor(network, file, read.text);
}

/**
 * Text written piece by piece to `file` — never a partial file: the pieces go to a temporary file beside it
 * (same folder, so the rename cannot cross file systems), which replaces `file` only once complete. If
 * anything fails on the way (a piece that throws, a full disk), the temporary file is removed and `file`
 * is as it was. Without `file`, the pieces go to stdout.
 */
export async function writePieces(pieces: Iterable<string>, file: string | undefined): Promise<void> {
  if (file) return writeTextFile(file, pieces);
  for (const piece of pieces) if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
}

/**
 * A results document (and its matrix) written to `file` (or stdout) only if it validates against
 * commuteshed.results/1: the problems otherwise, and nothing written. The write itself is all or nothing.
 */
export async function writeResults(
  doc: ResultsDocument,
  matrix: MatrixInput | undefined,
  file: string | undefined,
): Promise<Issue[]> {
  const invalid = checkResults(doc, matrix);
  if (invalid.length > 0) return invalid;
  // The browser's export writer: a 5,000-zone matrix is never one value or one string.
  await writePieces(resultsJsonPieces(doc, matrix), file);
  return [];
}

/** `<id>.boundaries.geojson` beside `<id>.network.json`, where there is one. */
export async function siblingBoundaries(networkFile: string): Promise<string | undefined> {
  const file = networkFile.replace(/\.network\.json$/i, '.boundaries.geojson');
  if (file === networkFile) return undefined;
  try {
    await access(file);
    return file;
  } catch {
    return undefined;
  }
}

/** A boundaries file (districts, subdistricts and their zones), checked against the network. */
export async function readBoundaries(file: string, network: Network): Promise<LoadResult<Boundaries>> {
  const read = await readText(file);
  if (!read.ok) return failed(file, read.issues);
  return loadBoundaries(file, read.text, network);
}
