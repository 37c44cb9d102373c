import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { log } from './log';

/** Probes hit these every few seconds; logging them would drown everything else. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Some addresses are their own credential: a calendar feed (/calendar/[token].ics) and a
 * share link (/share/[token]). Their tokens never reach the log.
 */
const SECRETS_IN_PATH: [RegExp, string][] = [
  [/^\/calendar\/[^/]+\.ics$/, '/calendar/[token].ics'],
  [/^\/share\/[^/]+(\/.*)?$/, '/share/[token]']
];

export function loggablePath(pathname: string): string {
  for (const [pattern, masked] of SECRETS_IN_PATH) if (pattern.test(pathname)) return masked;
  return pathname;
}

/** What a request answered, also when a hook or load threw a redirect or an HTTP error. */
export function statusOfThrown(thrown: unknown): number {
  if (isRedirect(thrown) || isHttpError(thrown)) return thrown.status;
  return 500;
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
  } catch (thrown) {
    status = statusOfThrown(thrown);
    throw thrown;
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
