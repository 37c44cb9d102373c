import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/**
 * One database type for both drivers (PGlite and postgres.js): query functions take this,
 * never a driver-specific type, so the same code runs embedded and on a server.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Inside `db.transaction(async (tx) => …)`: a transaction is usable wherever a Database is. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseOrTransaction = Database | Transaction;

export type DriverName = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: DriverName;
  /** Where the data lives: a folder for PGlite, the server address (no password) for Postgres. */
  location: string;
  close(): Promise<void>;
}
