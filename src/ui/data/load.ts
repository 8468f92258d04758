import { formatIssues } from '../../domain/issue';
import type { Scenario } from '../../domain/scenario';
import { ioWorker } from '../../workers/browserIo';
import { adopt } from '../editor/session';
import { t } from '../i18n';
import { restoreWorkspace } from '../persistence/workspace';
import { network, report } from '../state/store';
import { type BundledNetwork, bundledNetworks, bundledScenarios } from './bundled';
import { reportFailure } from './failure';

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/**
 * Load a network (validated in the io worker) and make it current, with the bundled scenarios written for
 * it. On any problem the current network stays and the problems are listed.
 */
export async function openNetwork(
  source: { file: string; text: string; zones?: { file: string; text: string } },
  label: string,
): Promise<boolean> {
  const result = await ioWorker()
    .loadNetwork(source)
    .catch((e: unknown) => reportFailure(source.file, e));
  if (!result) return false;
  if (!result.ok) {
    report({
      level: 'error',
      title: `${t('files.errors')} ${result.file}`,
      file: result.file,
      issues: result.issues,
    });
    console.info(formatIssues(result.issues, result.file));
    return false;
  }
  if (result.warnings)
    report({ level: 'warning', title: source.file, file: source.file, issues: result.warnings });
  network.value = { network: result.value.network, checksum: result.value.checksum, source: label };
  // The planner's own scenarios for this network (IndexedDB) join the bundled ones.
  await restoreWorkspace(
    result.value.network.id,
    await bundledScenariosFor(result.value.network.id, result.value.checksum),
  );
  return true;
}

export async function openBundledNetwork(entry: BundledNetwork): Promise<boolean> {
  const [text, zones] = await Promise.all([
    fetchText(entry.url),
    entry.zones ? fetchText(entry.zones.url) : Promise.resolve(undefined),
  ]);
  return openNetwork(
    {
      file: entry.file,
      text,
      ...(entry.zones && zones !== undefined && { zones: { file: entry.zones.file, text: zones } }),
    },
    entry.id,
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
