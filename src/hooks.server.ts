import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticate, requireSignIn } from '#lib/server/auth/handle.ts';
import { log } from '#lib/server/log.ts';
import { loggablePath, requestLog } from '#lib/server/request-log.ts';
import { preloadPolicy } from '#lib/server/preload.ts';
import { securityHeaders } from '#lib/server/security-headers.ts';
import { refuseNulInAddress } from '#lib/server/url-guard.ts';
import { countSqlQueries } from '#lib/server/db/query-count.ts';
import { startApp } from '#lib/server/startup.ts';

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
