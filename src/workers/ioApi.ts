import type { Issue } from '../domain/issue';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { checksum } from '../io/canonical';
import { loadNetwork, type NetworkSource } from '../io/network';
import type { LoadResult } from '../io/result';
import { loadScenarioFor } from '../io/scenario';

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
}

export function createIoApi(): IoApi {
  const networks = new Map<string, Network>();
  const network = (key: string): Network => {
    const n = networks.get(key);
    if (!n) throw new Error(`network ${key} is not loaded in the io worker`);
    return n;
  };
  return {
    async loadNetwork(source) {
      const result = loadNetwork(source);
      if (!result.ok) return result;
      const sum = await checksum(result.value);
      networks.set(sum, result.value);
      while (networks.size > 4) networks.delete(networks.keys().next().value!);
      return { ok: true, value: { network: result.value, checksum: sum } };
    },
    async loadScenario(key, file, text) {
      return loadScenarioFor(network(key), file, text);
    },
    async checkScenario(key, scenario) {
      const result = loadScenarioFor(network(key), scenario.id, JSON.stringify(scenario));
      return result.ok ? [] : result.issues;
    },
  };
}
