import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { type Boundaries, loadBoundaries } from '../io/boundaries';
import { checksum } from '../io/canonical';
import { formatReport, gtfsInputFromFiles, type ImportOptions, importGtfs } from '../io/gtfs';
import type { ImportReport } from '../io/gtfs/report';
import { loadNetwork, type NetworkSource, serializeNetwork } from '../io/network';
import type { LoadResult } from '../io/result';
import { checkResults } from '../io/results';
import { loadScenarioFor } from '../io/scenario';
import type { ResultsDocument } from '../io/schema/results';

export interface LoadedNetwork {
  network: Network;
  /** sha256 of the canonical network: identifies it in results files and caches. */
  checksum: string;
}

/**
 * Parsing and validating files off the main thread: a 5,000-zone network takes about a second to parse
 * and check, which the page must never freeze for. The worker keeps the networks it loaded, so scenarios
 * are checked against them without sending them back.
 */
export interface IoApi {
  loadNetwork(source: NetworkSource): Promise<LoadResult<LoadedNetwork>>;
  /** Check a scenario file in full against a network this worker loaded (by checksum). */
  loadScenario(networkChecksum: string, file: string, text: string): Promise<LoadResult<Scenario>>;
  /** Check a scenario object (e.g. one being edited) the same way. */
  checkScenario(networkChecksum: string, scenario: Scenario): Promise<Issue[]>;
  /** Check a boundaries file (districts, subdistricts and their zones) against a network loaded here. */
  loadBoundaries(networkChecksum: string, file: string, text: string): Promise<LoadResult<Boundaries>>;
  /**
   * Import a GTFS feed (a .zip or its .txt files) into a network, validated like any network file.
   * Progress goes to `onProgress` (a comlink proxy); cancelGtfs() stops it.
   */
  importGtfs(
    files: File[],
    options: Pick<ImportOptions, 'routeTypes' | 'date' | 'keepBuses'>,
    onProgress?: (fraction: number, stage: string) => void,
  ): Promise<GtfsImport>;
  cancelGtfs(): Promise<void>;
  /** A results document against its schema (io/results.ts checkResults), off the page's thread. */
  checkResults(doc: ResultsDocument): Promise<Issue[]>;
}

export type GtfsImport =
  | {
      ok: true;
      loaded: LoadedNetwork;
      /** The imported network as a network file (what import-gtfs writes), to keep it. */
      file: { file: string; text: string };
      report: ImportReport;
      reportText: string;
    }
  | {
      ok: false;
      file: string;
      issues: Issue[];
      report: ImportReport | null;
      reportText: string;
      cancelled?: boolean;
    };

export function createIoApi(): IoApi {
  const networks = new Map<string, Network>();
  const network = (key: string): Network => {
    const n = networks.get(key);
    if (!n) throw new Error(`network ${key} is not loaded in the io worker`);
    return n;
  };
  let gtfsController: AbortController | undefined;
  return {
    async importGtfs(files, options, onProgress) {
      gtfsController?.abort();
      const controller = new AbortController();
      gtfsController = controller;
      const { input, feedName } = await gtfsInputFromFiles(files);
      try {
        const result = await importGtfs(input, {
          ...options,
          feedName,
          signal: controller.signal,
          ...(onProgress && { onProgress: (f: number, stage: string) => void onProgress(f, stage) }),
        });
        const reportText = formatReport(result.report);
        if (!result.ok)
          return { ok: false, file: feedName, issues: result.issues, report: result.report, reportText };
        // The imported network goes through the same validator as a network file.
        const file = `${result.network.id}.network.json`;
        const text = serializeNetwork(result.network);
        const loaded = await this.loadNetwork({ file, text });
        if (!loaded.ok) return { ok: false, file, issues: loaded.issues, report: result.report, reportText };
        return { ok: true, loaded: loaded.value, file: { file, text }, report: result.report, reportText };
      } catch (e) {
        if (e instanceof Error && e.name === 'AbortError')
          return { ok: false, file: feedName, issues: [], report: null, reportText: '', cancelled: true };
        throw e;
      }
    },
    async cancelGtfs() {
      gtfsController?.abort();
    },
    async checkResults(doc) {
      return checkResults(doc);
    },
    async loadNetwork(source) {
      const result = loadNetwork(source);
      if (!result.ok) return result;
      const sum = await checksum(result.value);
      networks.set(sum, result.value);
      while (networks.size > 4) networks.delete(networks.keys().next().value!);
      return {
        ok: true,
        value: { network: result.value, checksum: sum },
        ...(result.warnings && { warnings: result.warnings }),
      };
    },
    async loadScenario(key, file, text) {
      return loadScenarioFor(network(key), file, text);
    },
    async checkScenario(key, scenario) {
      const result = loadScenarioFor(network(key), scenario.id, JSON.stringify(scenario));
      return result.ok ? [] : result.issues;
    },
    async loadBoundaries(key, file, text) {
      return loadBoundaries(file, text, network(key));
    },
  };
}
