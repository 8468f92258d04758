/**
 * `npm run merge -- <part.json>… --out <results.json> [--omx <file.omx>] [--network <file>] [--scenario <file>]`:
 * puts the parts of a sharded run (`simulate --shard i/n`) together into the results document the run would
 * have written unsharded (byte for byte, apart from `generatedAt`) and, with --omx, its OMX matrices from
 * the parts' OMX files. The inputs are read from the files the parts name (or --network / --scenario) and
 * must have the checksums the parts record. Every problem is listed at once; exit 1; nothing is written.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssues, type Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { ENGINE_VERSION } from '../engine/version';
import type { Boundaries } from '../io/boundaries';
import { checksum } from '../io/canonical';
import { loadH5Node } from '../io/omx/node';
import { type OmxFile, openOmx } from '../io/omx/reader';
import { decodeTable, loadPart, type PartDocument, partSetIssues } from '../io/part';
import { buildResults } from '../io/results';
import { type AreaUnit, areaUnits } from '../metrics/districts';
import type { ZoneMetricsTable } from '../metrics/originMetrics';
import { reportFor } from '../workers/analysis';
import { emptyLike, scatterInto } from '../workers/metricColumns';
import { readBoundaries, readNetwork, readScenario, siblingBoundaries, writeResults } from './files';
import { openMatrixOutput } from './matrixOutput';
import { checkWritable, type OmxOutput } from './output';

/** A set of parts that is not one whole run, or inputs that are not the ones its parts were computed on. */
export class MergeError extends Error {
  override readonly name = 'MergeError';
  constructor(readonly issues: Issue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`);
  }
}

interface Part {
  file: string;
  part: PartDocument;
}

async function readParts(files: string[]): Promise<Part[]> {
  const issues: Issue[] = [];
  const parts: Part[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      issues.push({ path: file, message: `cannot read the part: ${(e as Error).message}` });
      continue;
    }
    const loaded = loadPart(file, text);
    if (loaded.ok) parts.push({ file, part: loaded.value });
    else issues.push(...loaded.issues.map((i) => ({ path: `${file}: ${i.path}`, message: i.message })));
  }
  issues.push(...(issues.length === 0 ? partSetIssues(parts) : []));
  if (issues.length > 0) throw new MergeError(issues);
  return parts;
}

/** The network and scenario the parts name (or the ones given), checked against their checksums. */
async function readInputs(
  first: PartDocument,
  given: { network?: string; scenario?: string },
): Promise<{ network: Network; networkKey: string; scenario: Scenario | null; areas: AreaUnit[] }> {
  const recorded = first.inputs;
  const networkFile = given.network ?? recorded.network.file;
  const loaded = await readNetwork(networkFile);
  if (!loaded.ok)
    throw new MergeError(loaded.issues.map((i) => ({ ...i, path: `${loaded.file}: ${i.path}` })));
  const network = loaded.value;
  // The district breakdown as the unsharded run makes it: names from the boundaries file beside the network.
  const boundariesFile = await siblingBoundaries(networkFile);
  let boundaries: Boundaries | undefined;
  if (boundariesFile) {
    const b = await readBoundaries(boundariesFile, network);
    if (!b.ok) throw new MergeError(b.issues.map((i) => ({ ...i, path: `${b.file}: ${i.path}` })));
    boundaries = b.value;
  }
  const networkKey = await checksum(network);
  const issues: Issue[] = [];
  if (networkKey !== recorded.network.checksum)
    issues.push({
      path: networkFile,
      message: `checksum ${networkKey}, but the parts were computed on ${recorded.network.checksum}`,
    });
  let scenario: Scenario | null = null;
  if (recorded.scenario) {
    const scenarioFile = given.scenario ?? recorded.scenario.file;
    const s = await readScenario(scenarioFile, network);
    if (!s.ok) throw new MergeError(s.issues.map((i) => ({ ...i, path: `${s.file}: ${i.path}` })));
    scenario = s.value;
    const key = await checksum(scenario);
    if (key !== recorded.scenario.checksum)
      issues.push({
        path: scenarioFile,
        message: `checksum ${key}, but the parts were computed on ${recorded.scenario.checksum}`,
      });
  } else if (given.scenario)
    issues.push({ path: given.scenario, message: 'the parts were computed without a scenario' });
  if (issues.length > 0) throw new MergeError(issues);
  return { network, networkKey, scenario, areas: areaUnits(network.zones, boundaries) };
}

/** One side's per-zone metrics, in zone order, from every part's rows. */
function assemble(parts: Part[], side: 'baseline' | 'scenario', zones: number): ZoneMetricsTable | undefined {
  let table: ZoneMetricsTable | undefined;
  for (const { part } of parts) {
    const encoded = part.metrics[side];
    if (!encoded) return undefined;
    const rows = decodeTable(encoded);
    table ??= emptyLike(rows, zones);
    scatterInto(table, rows, part.origins);
  }
  return table;
}

/** Rows copied between OMX files at once, at most (so memory stays bounded whatever the shard size). */
const COPY_BYTES = 16 * 1024 * 1024;

/** The run's OMX matrices, row by row from the parts' OMX files, into `out`. */
async function mergeOmx(parts: Part[], out: OmxOutput, zoneIds: string[], matrices: string[]): Promise<void> {
  const h5 = await loadH5Node();
  const issues: Issue[] = [];
  const sources: [Part, string][] = [];
  for (const p of parts) {
    const path = p.part.omx && join(dirname(p.file), p.part.omx.file);
    if (!path)
      issues.push({ path: p.file, message: 'computed without --omx: run its shard again with --omx' });
    else if (!existsSync(path)) issues.push({ path: p.file, message: `its OMX file ${path} is missing` });
    else sources.push([p, path]);
  }
  if (issues.length > 0) throw new MergeError(issues);
  const batch = Math.max(1, Math.floor(COPY_BYTES / (4 * Math.max(1, zoneIds.length))));
  for (const [{ file, part }, path] of sources) {
    let omx: OmxFile;
    try {
      omx = openOmx(h5, path);
    } catch (e) {
      throw new MergeError([{ path: file, message: `its OMX file: ${(e as Error).message}` }]);
    }
    try {
      const shard = `${part.shard.index}/${part.shard.count}`;
      const problems = [
        omx.attributes.networkChecksum !== part.inputs.network.checksum && 'is of another network',
        omx.attributes.shard !== shard && `is not of shard ${shard} (${String(omx.attributes.shard)})`,
        omx.zones.join('\n') !== zoneIds.join('\n') && 'has other zones',
        ...matrices.filter((m) => !omx.matrices.includes(m)).map((m) => `has no matrix ${m}`),
      ].filter((x): x is string => typeof x === 'string');
      if (problems.length > 0) throw new MergeError(problems.map((message) => ({ path: path, message })));
      const origins = part.origins;
      for (let i = 0; i < origins.length; ) {
        // A run of consecutive zones, at most `batch` rows, read and written as one block.
        let j = i + 1;
        while (j < origins.length && j - i < batch && origins[j] === origins[j - 1]! + 1) j++;
        const block = Int32Array.from(origins.slice(i, j));
        for (const m of matrices) out.writer.writeRows(m, block, omx.rows(m, origins[i]!, j - i));
        i = j;
      }
    } finally {
      omx.close();
    }
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string' },
      omx: { type: 'string' },
      network: { type: 'string' },
      scenario: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0 || !values.out)
    throw new MergeError([
      { path: '$', message: 'usage: merge <part.json>… --out <results.json> [--omx <file>]' },
    ]);
  checkWritable(values.out);
  const parts = await readParts(positionals);
  const first = parts[0]!.part;
  if (first.engine.version !== ENGINE_VERSION)
    throw new MergeError([
      {
        path: parts[0]!.file,
        message: `computed by engine ${first.engine.version}; this is ${ENGINE_VERSION}`,
      },
    ]);
  const given = {
    ...(values.network && { network: values.network }),
    ...(values.scenario && { scenario: values.scenario }),
  };
  const { network, networkKey, scenario, areas } = await readInputs(first, given);
  const zones = network.zones.length;
  if (zones !== first.shard.zones)
    throw new MergeError([
      { path: '$', message: `the parts cover ${first.shard.zones} zones, the network has ${zones}` },
    ]);
  const baseline = assemble(parts, 'baseline', zones)!;
  const scenarioTable = assemble(parts, 'scenario', zones);
  const period = first.inputs.period;
  const doc = buildResults({
    network,
    checksum: networkKey,
    scenario,
    period,
    report: reportFor(network, baseline, scenarioTable, areas),
    generatedAt: new Date(),
    engineVersion: first.engine.version,
  });

  const omx = values.omx
    ? await openMatrixOutput(values.omx, { network, networkKey, scenario, period })
    : undefined;
  try {
    if (omx)
      await mergeOmx(
        parts,
        omx,
        network.zones.map((z) => z.id),
        omx.matrices,
      );
    // The same check as simulate's: a document that breaks its own schema is a bug, and nothing is written.
    const invalid = await writeResults(doc, undefined, values.out);
    if (invalid.length > 0)
      throw new MergeError(invalid.map((i) => ({ ...i, message: `internal error: ${i.message}` })));
    omx?.commit();
  } catch (e) {
    omx?.discard();
    throw e;
  }
  process.stderr.write(
    `merged ${parts.length} parts: ${zones} zones${scenarioTable ? ', baseline + scenario' : ''} → ${values.out}${values.omx ? ` and ${values.omx}` : ''}\n`,
  );
}

main().catch((e: unknown) => {
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`merge: ${err.name}: ${err.message}\n`);
  process.exit(1);
});
