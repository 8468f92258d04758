import { batch } from '@preact/signals';
import type { Network } from '../../domain/network';
import type { Scenario } from '../../domain/scenario';
import type { Boundaries } from '../../io/boundaries';
import { flush } from '../editor/session';
import { readWorkspaceOf, showWorkspace } from '../persistence/workspace';
import { destinationZone, hoveredZone, network, selectedZone } from '../state/store';
import { boundaries } from './areas';

/** A network that loaded without problems, with what comes with it. */
export interface LoadedNetwork {
  network: Network;
  checksum: string;
  /** Where it came from: a bundled id or a file name. */
  source: string;
  /** Its districts and subdistricts, when a boundaries file came with it. */
  boundaries?: Boundaries | null;
  /** The scenarios shipped for it (bundled networks). */
  bundledScenarios?: Scenario[];
}

/**
 * Make this network current: the one way a bundled network, an opened network file or an imported GTFS
 * feed becomes the network shown. Edits still pending are committed to the network they were made on,
 * the new network's saved scenarios are read, and then the network, its scenarios (autosave now writes
 * under its id), its boundaries and an empty zone selection change together.
 */
export async function makeNetworkCurrent(loaded: LoadedNetwork): Promise<void> {
  flush();
  const workspace = await readWorkspaceOf(loaded.network.id, loaded.bundledScenarios ?? []);
  // Committed again: an edit may have come in while the saved scenarios were read.
  flush();
  batch(() => {
    network.value = { network: loaded.network, checksum: loaded.checksum, source: loaded.source };
    boundaries.value = loaded.boundaries ?? null;
    selectedZone.value = null;
    destinationZone.value = null;
    hoveredZone.value = null;
    showWorkspace(workspace);
  });
}
