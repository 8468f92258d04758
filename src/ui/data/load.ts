import { formatIssues, type Issue } from '../../domain/issue';
import type { Scenario } from '../../domain/scenario';
import type { Boundaries } from '../../io/boundaries';
import { ioWorker } from '../../workers/browserIo';
import { adopt } from '../editor/session';
import { t } from '../i18n';
import { readSavedNetwork, type TextFile } from '../persistence/db';
import { network, report } from '../state/store';
import { boundaries } from './areas';
import { type BundledNetwork, bundledNetworks, bundledScenarios } from './bundled';
import { makeNetworkCurrent } from './current';
import { reportFailure } from './failure';
import { rememberNetwork } from './saved';

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Problems with a file, listed with their paths; the view stays as it was. */
function reportProblems(file: string, issues: Issue[]): void {
  report({ level: 'error', title: `${t('files.errors')} ${file}`, file, issues });
  console.info(formatIssues(issues, file));
}

/** A boundaries file checked against a network the io worker holds; its problems listed, or null. */
async function checkedBoundaries(checksum: string, source: TextFile): Promise<Boundaries | null> {
  const result = await ioWorker().loadBoundaries(checksum, source.file, source.text);
  if (result.ok) return result.value;
  reportProblems(result.file, result.issues);
  return null;
}

/**
 * Load a network (validated in the io worker) and make it current, with the bundled scenarios written for
 * it and its boundaries file when one comes with it. On any problem with the network the current one
 * stays and the problems are listed; a boundaries file with problems is listed and left out (the network
 * is shown without district names).
 */
export async function openNetwork(
  source: TextFile & { zones?: TextFile },
  label: string,
  boundaries?: TextFile,
  remember = false,
): Promise<boolean> {
  const result = await ioWorker()
    .loadNetwork(source)
    .catch((e: unknown) => reportFailure(source.file, e));
  if (!result) return false;
  if (!result.ok) {
    reportProblems(result.file, result.issues);
    return false;
  }
  if (result.warnings)
    report({ level: 'warning', title: source.file, file: source.file, issues: result.warnings });
  const { network: loaded, checksum } = result.value;
  const [areas, scenarios] = await Promise.all([
    boundaries ? checkedBoundaries(checksum, boundaries) : Promise.resolve(null),
    bundledScenariosFor(loaded.id, checksum),
  ]);
  await makeNetworkCurrent({
    network: loaded,
    checksum,
    source: label,
    boundaries: areas,
    bundledScenarios: scenarios,
  });
  if (remember)
    await rememberNetwork({
      source: label,
      name: loaded.name,
      network: source,
      ...(boundaries && areas && { boundaries }),
    });
  return true;
}

/**
 * Open a network this browser kept (a file opened or a feed imported before), validated again. False
 * (with a message) when it is not kept here or no longer loads; the current network then stays.
 */
export async function openSavedNetwork(source: string): Promise<boolean> {
  const saved = await readSavedNetwork(source).catch(() => undefined);
  if (!saved) {
    report({ level: 'info', title: `${source}: ${t('network.notKept')}` });
    return false;
  }
  return openNetwork(saved.network, saved.source, saved.boundaries);
}

/** A boundaries file opened on its own: for the current network, checked against it. */
export async function openBoundaries(source: TextFile): Promise<boolean> {
  const current = network.value;
  if (!current) return false;
  const areas = await checkedBoundaries(current.checksum, source);
  if (areas) {
    boundaries.value = areas;
    report({ level: 'info', title: `${t('files.loaded')} ${source.file}` });
  }
  return areas !== null;
}

export async function openBundledNetwork(entry: BundledNetwork): Promise<boolean> {
  const [text, zones, areas] = await Promise.all([
    fetchText(entry.url),
    entry.zones ? fetchText(entry.zones.url) : Promise.resolve(undefined),
    entry.boundaries ? fetchText(entry.boundaries.url) : Promise.resolve(undefined),
  ]);
  return openNetwork(
    {
      file: entry.file,
      text,
      ...(entry.zones && zones !== undefined && { zones: { file: entry.zones.file, text: zones } }),
    },
    entry.id,
    entry.boundaries && areas !== undefined ? { file: entry.boundaries.file, text: areas } : undefined,
  );
}

export function bundledNetwork(id: string): BundledNetwork | undefined {
  return bundledNetworks.find((n) => n.id === id);
}

/** Bundled scenarios whose base network is `networkId`, each checked against it. */
async function bundledScenariosFor(networkId: string, checksum: string): Promise<Scenario[]> {
  const files = await Promise.all(
    bundledScenarios.map(async (s) => ({ ...s, text: await fetchText(s.url) })),
  );
  const mine = files.filter((f) => {
    try {
      return (JSON.parse(f.text) as { network?: string }).network === networkId;
    } catch {
      return true; // let the validator explain it
    }
  });
  const loaded: Scenario[] = [];
  for (const f of mine) {
    const result = await ioWorker().loadScenario(checksum, f.file, f.text);
    if (result.ok) loaded.push(result.value);
    else
      report({
        level: 'error',
        title: `${t('files.errors')} ${f.file}`,
        file: f.file,
        issues: result.issues,
      });
  }
  return loaded;
}

/** A scenario file opened by the planner: checked against the current network, added and selected. */
export async function openScenario(file: string, text: string): Promise<boolean> {
  const current = network.value;
  if (!current) return false;
  const result = await ioWorker()
    .loadScenario(current.checksum, file, text)
    .catch((e: unknown) => reportFailure(file, e));
  if (!result) return false;
  if (!result.ok) {
    report({ level: 'error', title: `${t('files.errors')} ${file}`, file, issues: result.issues });
    return false;
  }
  // Added under a fresh id if the id is taken (never replacing the planner's work), undoable, selected.
  adopt(result.value);
  report({ level: 'info', title: `${t('files.loaded')} ${file}` });
  return true;
}
