import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authenticate, requireSignIn } from '$lib/server/auth/handle';
import { escapeForLog, log } from '$lib/server/log';
import { securityHeaders } from '$lib/server/security-headers';
import { startApp } from '$lib/server/startup';

export const init: ServerInit = async () => {
  await startApp();
};

export const handle: Handle = sequence(securityHeaders, authenticate, requireSignIn);

/** Unexpected errors: logged in full with a reference; the person sees only the reference. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  const reference = crypto.randomUUID().slice(0, 8);
  if (status !== 404) {
    log.error(
      `Error ${reference} on ${event.request.method} ${escapeForLog(event.url.pathname)}`,
      error
    );
  }
  return { message: 'Sorry, there is a problem with the service', reference };
};
