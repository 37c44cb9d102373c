import type { Handle } from '@sveltejs/kit';
import { log } from './log';

/** Probes hit these every few seconds; logging them would drown everything else. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/** A calendar feed's address is its credential (/calendar/[token].ics): never log the token. */
const SECRET_IN_PATH = /^\/calendar\/[^/]+\.ics$/;

export function loggablePath(pathname: string): string {
  return SECRET_IN_PATH.test(pathname) ? '/calendar/[token].ics' : pathname;
}

/**
 * Gives every request an id, returns it as X-Request-Id (support can ask for it) and logs one
 * line per request with its outcome and duration. Query strings are left out of the log:
 * they can hold search terms. Calendar feed tokens, which live in the path, are masked.
 */
export const requestLog: Handle = async ({ event, resolve }) => {
  const requestId = crypto.randomUUID();
  event.locals.requestId = requestId;
  const started = performance.now();
  let status = 500;
  try {
    const response = await resolve(event);
    status = response.status;
    response.headers.set('X-Request-Id', requestId);
    return response;
  } finally {
    if (!QUIET_PATHS.has(event.url.pathname)) {
      const fields = {
        requestId,
        method: event.request.method,
        path: loggablePath(event.url.pathname),
        status,
        ms: Math.round(performance.now() - started),
        user: event.locals.user?.id
      };
      if (status >= 500) log.error('request', undefined, fields);
      else log.info('request', fields);
    }
  }
};
