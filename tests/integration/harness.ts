import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { connectDatabase } from '#lib/server/db/client.ts';
import type { Database, DatabaseHandle, DriverName } from '#lib/server/db/types.ts';

export interface TestDatabase {
  driver: DriverName;
  db: Database;
  handle: DatabaseHandle;
}

/**
 * One real database per test file and driver: an in-memory PGlite always, and a throwaway
 * PostgreSQL database when TEST_DATABASE_URL is set. Tables are emptied before each test.
 */
export function drivers(): DriverName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(
  driver: DriverName
): Promise<TestDatabase & { dispose(): Promise<void> }> {
  if (driver === 'pglite') {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    return { driver, db: handle.db, handle, dispose: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `vd_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
  return {
    driver,
    db: handle.db,
    handle,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  };
}

export async function emptyAllTables(db: Database) {
  const rows = rowsOf<{ tablename: string }>(
    await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)
  );
  const names = rows.map((r) => `"${r.tablename}"`).join(', ');
  if (names) await db.execute(sql.raw(`truncate ${names} restart identity cascade`));
}

/** `describe` once per driver; the callback reads the live database from the context. */
export function describeEachDriver(name: string, body: (ctx: TestDatabase) => void) {
  describe.each(drivers())(`[%s] ${name}`, (driver) => {
    const ctx = { driver } as TestDatabase;
    let dispose: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const opened = await openTestDatabase(driver);
      Object.assign(ctx, opened);
      dispose = opened.dispose;
    });
    afterAll(async () => {
      await dispose();
    });
    beforeEach(async () => {
      await emptyAllTables(ctx.db);
    });
    body(ctx);
  });
}

/** Rows from db.execute on either driver (postgres.js returns an array, PGlite { rows }). */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
