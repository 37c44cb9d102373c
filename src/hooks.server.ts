import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticate, requireSignIn } from '$lib/server/auth/handle';
import { log } from '$lib/server/log';
import { loggablePath, requestLog } from '$lib/server/request-log';
import { preloadPolicy } from '$lib/server/preload';
import { securityHeaders } from '$lib/server/security-headers';
import { refuseNulInAddress } from '$lib/server/url-guard';
import { countSqlQueries } from '$lib/server/db/query-count';
import { startApp } from '$lib/server/startup';

export const init: ServerInit = async () => {
  await startApp();
};

export const handle: Handle = sequence(
  requestLog,
  countSqlQueries,
  securityHeaders,
  preloadPolicy,
  refuseNulInAddress,
  authenticate,
  requireSignIn
);

/**
 * Unexpected errors: logged in full with a reference; the person sees only the reference.
 * Errors the app raised on purpose (`error(404, …)`) and SvelteKit's own (a route not found)
 * keep their status and message: SvelteKit 3 passes them here too.
 */
export const handleError: HandleServerError = ({ kind, error, event }) => {
  if (kind !== 'unknown') return;
  const reference = crypto.randomUUID().slice(0, 8);
  log.error(`Unexpected error ${reference}`, error, {
    reference,
    requestId: event.locals.requestId,
    method: event.request.method,
    path: loggablePath(event.url.pathname)
  });
  return { message: 'Sorry, there is a problem with the service', reference };
};
