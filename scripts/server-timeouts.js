/**
 * Time limits on the HTTP server, so that a slow or stalled client cannot hold connections
 * open (slowloris): a client that sends its headers a byte at a time, or its body a byte at a
 * time, is cut off after a bounded time, while a large upload on a slow line still gets through.
 *
 * Each is set in whole seconds by an environment variable (the same names and unit that
 * adapter-node reads for the two it knows); 0 turns a limit off.
 *
 * - `HEADERS_TIMEOUT` (default 20): time to receive a request's headers, counted from the
 *   connection or from the first byte of the next request on it. A browser sends them in one
 *   go within milliseconds; 20 s still allows several lost packets on a bad line. A client that
 *   sends nothing at all is answered 408 and closed the same way.
 * - `REQUEST_TIMEOUT` (default 300): time to receive a whole request, body included. The
 *   largest body the app accepts (BODY_SIZE_LIMIT, 30 MB: a 20 MB register or a 25 MB backup
 *   with its form) takes about 250 s at 1 Mbit/s, a slow home line's upload speed.
 * - `KEEP_ALIVE_TIMEOUT` (default 5): how long an idle connection is kept for the client's next
 *   request. Node 20's default, written down because Node 26 raises it to 65 s. Behind a reverse
 *   proxy that keeps idle connections to the app open for longer, set it above the proxy's.
 *
 * Node checks the first two every 30 s (`connectionsCheckingInterval`, fixed when adapter-node
 * creates the server), so a slow client is cut off between the limit and 30 s after it: with
 * the defaults within 50 s for headers and 330 s for a body.
 *
 * Left as Node has them: no socket inactivity timeout (`server.timeout` 0: an import may work
 * for a long time before it sends anything, and the limits above already bound what a client
 * sends), no cap on connections (`maxConnections`: slow clients would fill it and lock everyone
 * else out; they are cut off instead), headers of at most 16 KB (`--max-http-header-size`) and
 * 2,000 fields (`maxHeadersCount`).
 */
export const TIMEOUT_DEFAULTS = Object.freeze({
  HEADERS_TIMEOUT: 20,
  REQUEST_TIMEOUT: 300,
  KEEP_ALIVE_TIMEOUT: 5
});

/** How often Node looks for requests past the first two limits. */
export const NODE_CHECK_INTERVAL_MS = 30_000;

/**
 * The limits in milliseconds, from the environment or the defaults. A value that is not a whole
 * number of seconds stops the start with a message naming it.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {{ headersTimeout: number, requestTimeout: number, keepAliveTimeout: number }}
 */
export function serverTimeouts(env) {
  /** @param {keyof typeof TIMEOUT_DEFAULTS} name */
  const seconds = (name) => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return TIMEOUT_DEFAULTS[name];
    if (!/^\d+$/.test(raw)) {
      throw new Error(`${name} must be a whole number of seconds (0 for no limit), not "${raw}".`);
    }
    return Number(raw);
  };
  return {
    headersTimeout: seconds('HEADERS_TIMEOUT') * 1000,
    requestTimeout: seconds('REQUEST_TIMEOUT') * 1000,
    keepAliveTimeout: seconds('KEEP_ALIVE_TIMEOUT') * 1000
  };
}

/**
 * Node reads these on every check and every response, so setting them once the server is
 * listening covers every connection from then on.
 *
 * @param {import('node:http').Server} httpServer
 * @param {ReturnType<typeof serverTimeouts>} timeouts
 */
export function applyServerTimeouts(httpServer, timeouts) {
  httpServer.headersTimeout = timeouts.headersTimeout;
  httpServer.requestTimeout = timeouts.requestTimeout;
  httpServer.keepAliveTimeout = timeouts.keepAliveTimeout;
}
