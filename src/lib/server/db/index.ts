import { connectDatabase } from './client';
import type { Database, DatabaseHandle } from './types';

export type { Database, DatabaseHandle, DatabaseOrTransaction, Transaction } from './types';

let current: DatabaseHandle | null = null;

/** The app's one database, opened by `startApp` in hooks.server.ts. */
export function db(): Database {
  if (!current) throw new Error('The database has not been started.');
  return current.db;
}

export function databaseHandle(): DatabaseHandle | null {
  return current;
}

export async function openAppDatabase(options: Parameters<typeof connectDatabase>[0]) {
  if (current) return current;
  current = await connectDatabase(options);
  return current;
}

export async function closeAppDatabase(): Promise<void> {
  const handle = current;
  current = null;
  await handle?.close();
}
