import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit/hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * SQL statements per request, for the benchmark (`bench/run.js` counts them per page at two
 * sizes: equal counts mean no N+1). Off unless COUNT_SQL_QUERIES=1 when the server starts:
 * then each response carries `X-SQL-Queries`, the number of statements drizzle sent while
 * the request was handled (transactions' begin/commit not included).
 */
export const countingEnabled = () => process.env.COUNT_SQL_QUERIES === '1';

const counts = new AsyncLocalStorage<{ queries: number }>();

/** drizzle's logger hook: called for every statement, in the async context of its caller. */
export const queryCounter: Logger = {
  logQuery() {
    const store = counts.getStore();
    if (store) store.queries += 1;
  }
};

export const countSqlQueries: Handle = async ({ event, resolve }) => {
  if (!countingEnabled()) return resolve(event);
  const store = { queries: 0 };
  const response = await counts.run(store, () => resolve(event));
  response.headers.set('X-SQL-Queries', String(store.queries));
  return response;
};
