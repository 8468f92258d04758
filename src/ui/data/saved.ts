import { signal } from '@preact/signals';
import { type LocalizedName, nameIn } from '../../domain/names';
import { t } from '../i18n';
import {
  deleteSavedNetwork,
  listSavedNetworks,
  readSavedNetwork,
  type SavedNetwork,
  writeSavedNetwork,
} from '../persistence/db';
import { lang, report } from '../state/store';

/** The networks this browser keeps (opened files, imported feeds), for the network list. */
export const savedNetworks = signal<{ source: string; name: LocalizedName }[]>([]);

export async function refreshSavedNetworks(): Promise<void> {
  try {
    savedNetworks.value = await listSavedNetworks();
  } catch {
    // No IndexedDB (a private window may refuse it): the list stays as it is, nothing else depends on it.
  }
}

/**
 * Keep a network the planner opened, so a reload brings it back. A browser that refuses to store it
 * (quota, private window) costs only that: the network stays open and the planner is told.
 */
export async function rememberNetwork(entry: Omit<SavedNetwork, 'savedAt'>): Promise<void> {
  try {
    // One kept network per file name (the address names it by that): say so when another is replaced.
    const before = await readSavedNetwork(entry.source);
    if (before && JSON.stringify(before.name) !== JSON.stringify(entry.name))
      report({
        level: 'info',
        title: `${entry.source}: ${t('network.replacesKept', { name: nameIn(before.name, lang.peek()) })}`,
      });
    await writeSavedNetwork({ ...entry, savedAt: new Date().toISOString() });
  } catch (e) {
    report({
      level: 'warning',
      title: `${entry.source}: ${t('network.notStored')}`,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  await refreshSavedNetworks();
}

/** Drop a kept network from this browser (its scenarios stay saved under its id). */
export async function forgetNetwork(source: string): Promise<void> {
  try {
    await deleteSavedNetwork(source);
  } catch (e) {
    report({
      level: 'error',
      title: `${source}: ${t('network.forgetFailed')}`,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  await refreshSavedNetworks();
}
