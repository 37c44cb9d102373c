import { connectDatabase } from './client';
import type { Database, DatabaseHandle } from './types';

export type { Database, DatabaseHandle, DatabaseOrTransaction, Transaction } from './types';

// Kept on globalThis so that the built server and test code loaded beside it in one process
// share one database (the integration suite drives the built app in-process this way).
const KEY = Symbol.for('vesting-day.database');
type Holder = { [KEY]?: DatabaseHandle | null };
const holder = globalThis as Holder;

/** The app's one database, opened by `startApp` in hooks.server.ts. */
export function db(): Database {
  const handle = holder[KEY];
  if (!handle) throw new Error('The database has not been started.');
  return handle.db;
}

export function databaseHandle(): DatabaseHandle | null {
  return holder[KEY] ?? null;
}

/** Opens the app database, or returns the one this process already has open. */
export async function openAppDatabase(options: Parameters<typeof connectDatabase>[0]) {
  const existing = holder[KEY];
  if (existing) return existing;
  const handle = await connectDatabase(options);
  holder[KEY] = handle;
  return handle;
}

/** For tests: make an already-open database the app's database. */
export function useAppDatabase(handle: DatabaseHandle | null) {
  holder[KEY] = handle;
}

export async function closeAppDatabase(): Promise<void> {
  const handle = holder[KEY];
  holder[KEY] = null;
  await handle?.close();
}
