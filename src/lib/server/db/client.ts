import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';
import { migrationsFolder, MIGRATION_LOCK_KEY } from './migrate';
import { openPgliteFolder } from './pglite-folder';
import { renewingPostgres } from './renewing-postgres';
import { countingEnabled, queryCounter } from './query-count';
import type { Database, DatabaseHandle } from './types';
import { PGlite } from '@electric-sql/pglite';

export interface ConnectOptions {
  /** postgres://… → a Postgres server; absent → embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  /** Apply pending migrations before returning (the app always does). */
  migrate?: boolean;
  /** Connection pool size for postgres.js. */
  maxConnections?: number;
  log?: (message: string) => void;
}

/** Opens the database the configuration asks for and brings its schema up to date. */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.maxConnections ?? 10, options.log)
    : await connectPglite(options.dataDir ?? 'data', options.log);
  if (options.migrate ?? true) {
    try {
      await applyMigrations(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/** Counts statements per request only when the benchmark asks for it (query-count.ts). */
const driverLogger = () => (countingEnabled() ? queryCounter : false);

async function connectPglite(dataDir: string, log?: (m: string) => void): Promise<DatabaseHandle> {
  if (dataDir === 'memory://') {
    const client = await PGlite.create();
    return {
      db: drizzlePglite({ client, schema, logger: driverLogger() }) as unknown as Database,
      driver: 'pglite',
      location: 'memory',
      close: () => client.close()
    };
  }
  const opened = await openPgliteFolder(dataDir, { log });
  let closed = false;
  return {
    db: drizzlePglite({
      client: opened.client,
      schema,
      logger: driverLogger()
    }) as unknown as Database,
    driver: 'pglite',
    location: opened.folder,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await opened.client.close();
      } finally {
        opened.release();
      }
    }
  };
}

function connectPostgres(url: string, max: number, log?: (m: string) => void): DatabaseHandle {
  // A connection the server dropped mid-query would carry its old state into its next life
  // with postgres.js 3.4: renewing-postgres.ts explains, and starts a new client instead.
  const client = renewingPostgres(
    () =>
      postgres(url, {
        max,
        onnotice: () => {},
        // postgres.js waits up to 20 s between reconnection attempts by default, so after a
        // database restart requests queued for a connection stalled for that long (found by the
        // reliability suite). Retry within a second instead, and give up on a connection
        // attempt after 5 s so a request fails cleanly rather than hanging.
        backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
        connect_timeout: 5
      }),
    (cause) =>
      log?.(`A database connection was lost during a statement (${cause}): new ones take over.`)
  );
  const parsed = new URL(url);
  return {
    db: drizzlePostgres({
      client: client.sql,
      schema,
      logger: driverLogger()
    }) as unknown as Database,
    driver: 'postgres',
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    close: () => client.end({ timeout: 5 })
  };
}

async function applyMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as never, config);
    return;
  }
  // Several app instances may start together: a session-level advisory lock on one reserved
  // connection makes the others wait until the first has migrated.
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client;
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(handle.db as never, config);
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    reserved.release();
  }
}
