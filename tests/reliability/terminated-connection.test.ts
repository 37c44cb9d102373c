import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '#lib/server/db/client.ts';
import { lostWhileWorking } from '#lib/server/db/renewing-postgres.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { recordFigures } from './support/summary';

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * What a restart, a failover or a DBA's pg_terminate_backend does to one connection of the app,
 * made deterministic: the connection is terminated while its statement runs. postgres.js 3.4
 * then failed the next statement on that connection with the old error (renewing-postgres.ts).
 */
describe('a PostgreSQL connection terminated in the middle of a statement', () => {
  let database: ThrowawayDatabase;

  beforeAll(async () => {
    database = await throwawayDatabase();
    await database.handle.db.execute(sql`create table kept (note text)`);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('fails that statement only: the next ones, and a transaction on another connection, succeed', async () => {
    const warnings: string[] = [];
    const app = await connectDatabase({
      databaseUrl: database.url,
      maxConnections: 2,
      log: (message) => warnings.push(message)
    });
    try {
      // A transaction holds one connection open across the termination of the other.
      let carryOn!: () => void;
      const held = new Promise<void>((resolve) => (carryOn = resolve));
      const transaction = app.db.transaction(async (tx) => {
        await tx.execute(sql`insert into kept values ('before')`);
        await held;
        await tx.execute(sql`insert into kept values ('after')`);
      });

      const running = app.db.execute(sql`select pg_sleep(60)`).then(
        () => null,
        (error: unknown) => error
      );
      const sleeper = async () =>
        rowsOf<{ pid: number }>(
          await database.handle.db.execute(sql`select pid from pg_stat_activity
            where datname = current_database() and query like 'select pg_sleep(60)%'`)
        )[0]?.pid;
      const deadline = performance.now() + 30_000;
      let pid = await sleeper();
      while (pid === undefined && performance.now() < deadline) pid = await sleeper();
      expect(pid, 'the statement is running').toBeDefined();
      // Waits (up to 10 s) until the backend has gone, as in a restart.
      await database.handle.db.execute(sql`select pg_terminate_backend(${pid}, 10000)`);
      const failure = (await running) as { cause?: unknown } | null;
      expect(lostWhileWorking(failure?.cause), String(failure)).toBe(true);

      const after: string[] = [];
      for (let i = 0; i < 5; i++) {
        after.push(
          await app.db.execute(sql`select 1`).then(
            () => 'ok',
            (error: Error) => `${error.message} (${String((error.cause as Error)?.message)})`
          )
        );
      }
      carryOn();
      await transaction;
      const kept = rowsOf<{ note: string }>(
        await database.handle.db.execute(sql`select note from kept order by note`)
      ).map((r) => r.note);

      recordFigures('Faults: a connection terminated mid-statement (PostgreSQL)', {
        'statements after the termination': after.length,
        'of which failed': after.filter((a) => a !== 'ok').length,
        'transaction on the other connection': kept.join(', ') || 'lost'
      });
      expect(after).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      expect(kept).toEqual(['after', 'before']);
      // One lost connection, one new client, and the log says so.
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^A database connection was lost during a statement \(/);
    } finally {
      await app.close();
    }
  });
});
