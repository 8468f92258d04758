import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** What is kept per network: the planner's own scenarios (never the bundled ones) and which was active. */
export interface SavedWorkspace {
  network: string;
  /** Plain scenario objects as saved; validated again when read (the store may hold an older format). */
  scenarios: unknown[];
  active: string | null;
  savedAt: string;
}

interface Schema extends DBSchema {
  workspaces: { key: string; value: SavedWorkspace };
}

const DB_NAME = 'commuteshed';
const DB_VERSION = 1;

let db: Promise<IDBPDatabase<Schema>> | undefined;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>(DB_NAME, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('workspaces', { keyPath: 'network' });
    },
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
