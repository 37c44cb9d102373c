import type postgres from 'postgres';

/**
 * A postgres.js client that starts afresh once the server drops one of its connections in the
 * middle of its work: a restart, a failover, `pg_terminate_backend`.
 *
 * Why: postgres.js 3.4 keeps such a connection's state when it reconnects. The first statement
 * on the new connection fails with the old error ("terminating connection due to administrator
 * command", 57P01), and a connection dropped while a write was waiting to go out never sends its
 * next start-up message, so every reconnect of it times out after `connect_timeout` (5 s),
 * failing the requests queued on it, for as long as the process runs. The reliability suite's
 * PostgreSQL restart test met both, after the database was back. Upstream: porsager/postgres
 * issues 1223 and 1130 and pull requests 1142 and 1215, open at 3.4.10.
 *
 * How: the first time work on the current client fails because its connection was lost, a new
 * client (new connections, no old state) takes every statement from then on. The old one
 * finishes what it was already running (a transaction on a connection that is still alive
 * commits as usual) and is closed once none of it is left.
 */

/**
 * Errors of a connection lost while it had work: postgres.js's own codes, the socket's, and the
 * server's shutdown and termination ones. A connection refused while the server is down
 * (ECONNREFUSED, 57P03 "starting up") never had work, leaves nothing behind, and renews nothing.
 */
const LOST_WHILE_WORKING = new Set([
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02'
]);

export function lostWhileWorking(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && LOST_WHILE_WORKING.has(code);
}

/** How long a replaced client may take to close once it has no work left. */
const CLOSE_SECONDS = 5;

export interface RenewingPostgres {
  /** Stands for whichever client is current: give it to drizzle once. */
  sql: postgres.Sql;
  end(options?: { timeout?: number }): Promise<void>;
}

/**
 * `open` makes a client with the app's options; it is called again for each renewal, after
 * `renewed` is told the error that caused it.
 */
export function renewingPostgres(
  open: () => postgres.Sql,
  renewed: (cause: string) => void = () => {}
): RenewingPostgres {
  const first = open();
  let current = first;
  const working = new Map<postgres.Sql, number>();
  const replaced = new Set<postgres.Sql>();
  const closing = new Set<Promise<void>>();

  function closeIfDone(client: postgres.Sql) {
    if (!replaced.has(client) || (working.get(client) ?? 0) > 0) return;
    replaced.delete(client);
    working.delete(client);
    const closed: Promise<void> = client
      .end({ timeout: CLOSE_SECONDS })
      .catch(() => {})
      .then(() => void closing.delete(closed));
    closing.add(closed);
  }

  function renew(failed: postgres.Sql, error: unknown) {
    if (failed !== current) return;
    const { code, message = '' } = error as { code: string; message?: string };
    renewed(message.includes(code) ? message : `${code} ${message}`.trim());
    current = open();
    // drizzle set its parsers and serializers on the first client's options (dates stay text).
    Object.assign(current.options.parsers, first.options.parsers);
    Object.assign(current.options.serializers, first.options.serializers);
    replaced.add(failed);
    closeIfDone(failed);
  }

  /** Counts a statement or transaction on `client` until it settles; a lost connection renews. */
  function watched<T>(client: postgres.Sql, work: T): T {
    working.set(client, (working.get(client) ?? 0) + 1);
    const settled = (error?: unknown) => {
      working.set(client, (working.get(client) ?? 1) - 1);
      if (lostWhileWorking(error)) renew(client, error);
      closeIfDone(client);
    };
    // The native `then`: a postgres.js query's own would start it before drizzle has set it up.
    Promise.prototype.then.call(work as unknown as Promise<unknown>, () => settled(), settled);
    return work;
  }

  const unsafe: postgres.Sql['unsafe'] = (...args) => {
    const client = current;
    return watched(client, client.unsafe(...args));
  };
  const begin = ((...args: unknown[]) => {
    const client = current;
    return watched(client, (client.begin as (...a: unknown[]) => Promise<unknown>)(...args));
  }) as postgres.Sql['begin'];

  async function end(options?: { timeout?: number }) {
    await Promise.all([
      current.end(options),
      ...[...replaced].map((client) => client.end(options)),
      ...closing
    ]);
  }

  // Everything else (reserve, options, helpers) is the current client's. Properties defined on
  // `sql` itself (a test's spy on `unsafe`) land on the first client, as they would without this.
  const sql = new Proxy(first, {
    get(_target, property) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin') return begin;
      if (property === 'end') return end;
      const value: unknown = Reflect.get(current, property);
      return typeof value === 'function' ? value.bind(current) : value;
    },
    apply(_target, _this, args: Parameters<postgres.Sql>) {
      const client = current;
      return watched(client, client(...args));
    }
  });

  return { sql, end };
}
