import { vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db/types';

/**
 * Counts the SQL statements a function sends, by spying on the driver method drizzle calls
 * for every query: PGlite's `query`, postgres.js's `unsafe`.
 */
export async function countQueries<T>(
  handle: DatabaseHandle,
  run: () => Promise<T>
): Promise<{ result: T; queries: number }> {
  const client = (
    handle.db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> }
  ).$client;
  const method = handle.driver === 'pglite' ? 'query' : 'unsafe';
  const spy = vi.spyOn(client, method);
  try {
    const result = await run();
    return { result, queries: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}
