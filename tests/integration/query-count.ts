import { vi } from 'vitest';
import type { Database, DatabaseHandle, DriverName } from '#lib/server/db/types.ts';

/**
 * Counts SQL statements by spying on the driver method drizzle calls for every query:
 * PGlite's `query`, postgres.js's `unsafe`. `count` is live; call `stop()` when done.
 */
export function statementCounter(db: Database, driver: DriverName) {
  const client = (db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> })
    .$client;
  const spy = vi.spyOn(client, driver === 'pglite' ? 'query' : 'unsafe');
  return {
    get count() {
      return spy.mock.calls.length;
    },
    stop: () => spy.mockRestore()
  };
}

/** The statements one function sends, with its result. */
export async function countQueries<T>(
  handle: DatabaseHandle,
  run: () => Promise<T>
): Promise<{ result: T; queries: number }> {
  const counter = statementCounter(handle.db, handle.driver);
  try {
    const result = await run();
    return { result, queries: counter.count };
  } finally {
    counter.stop();
  }
}
