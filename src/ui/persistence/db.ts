import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { LocalizedName } from '../../domain/names';

/** What is kept per network: the planner's own scenarios (never the bundled ones) and which was active. */
export interface SavedWorkspace {
  network: string;
  /** Plain scenario objects as saved; validated again when read (the store may hold an older format). */
  scenarios: unknown[];
  active: string | null;
  savedAt: string;
}

export interface TextFile {
  file: string;
  text: string;
}

/**
 * A network the planner opened from a file or imported from GTFS, kept so that a reload (or the network
 * list) brings it back: its files as read, validated again when opened (the app may have changed since).
 */
export interface SavedNetwork {
  /** What it was opened as: the network file's or the GTFS feed's name (the URL's `network`). */
  source: string;
  name: LocalizedName;
  network: TextFile & { zones?: TextFile };
  boundaries?: TextFile;
  savedAt: string;
}

interface Schema extends DBSchema {
  workspaces: { key: string; value: SavedWorkspace };
  networks: { key: string; value: SavedNetwork };
}

const DB_NAME = 'commuteshed';
const DB_VERSION = 2;

/** How long opening the store may wait for another tab before the app goes on without it. */
const OPEN_TIMEOUT_MS = 5000;

/** The store could not be opened in time: another tab holds an older version of it open. */
export class StorageBusyError extends Error {
  override readonly name = 'StorageBusyError';
}

let db: Promise<IDBPDatabase<Schema>> | undefined;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= new Promise<IDBPDatabase<Schema>>((resolve, reject) => {
    const timer = setTimeout(() => {
      db = undefined;
      reject(
        new StorageBusyError(
          'another Commuteshed tab keeps an older version of the saved work open: close or reload it',
        ),
      );
    }, OPEN_TIMEOUT_MS);
    openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) d.createObjectStore('workspaces', { keyPath: 'network' });
        if (oldVersion < 2) d.createObjectStore('networks', { keyPath: 'source' });
      },
      // A newer version in another tab waits for this one: let it go (the next call opens again).
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        db = undefined;
      },
    }).then(
      (opened) => {
        clearTimeout(timer);
        resolve(opened);
      },
      (e: unknown) => {
        clearTimeout(timer);
        db = undefined;
        reject(e);
      },
    );
  });
  return db;
}

export async function readWorkspace(network: string): Promise<SavedWorkspace | undefined> {
  return (await open()).get('workspaces', network);
}

/**
 * Write one network's workspace. Each write is its own transaction; IndexedDB runs read-write
 * transactions on one store in the order they were created, so the last write wins.
 */
export async function writeWorkspace(workspace: SavedWorkspace): Promise<void> {
  await (await open()).put('workspaces', workspace);
}

export async function readSavedNetwork(source: string): Promise<SavedNetwork | undefined> {
  return (await open()).get('networks', source);
}

export async function writeSavedNetwork(network: SavedNetwork): Promise<void> {
  await (await open()).put('networks', network);
}

export async function deleteSavedNetwork(source: string): Promise<void> {
  await (await open()).delete('networks', source);
}

/** The networks kept, by name only (their files are read when one is opened). */
export async function listSavedNetworks(): Promise<{ source: string; name: LocalizedName }[]> {
  const all = await (await open()).getAll('networks');
  return all.map(({ source, name }) => ({ source, name })).sort((a, b) => a.source.localeCompare(b.source));
}
