import { redirect } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { safeRedirectPath } from '#lib/safe-redirect.ts';
import { db } from '../db';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from './cookies';
import { validateSessionToken } from './sessions';

/** Sets locals.user and locals.session from the session cookie. */
export const authenticate: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(sessionCookieName(event.url));
  if (!token) {
    event.locals.user = null;
    event.locals.session = null;
    return resolve(event);
  }
  const { session, user } = await validateSessionToken(db(), token);
  if (session) {
    setSessionCookie(event.cookies, event.url, token, session.absoluteExpiresAt);
  } else {
    deleteSessionCookie(event.cookies, event.url);
  }
  event.locals.user = user;
  event.locals.session = session;
  return resolve(event);
};

/**
 * Every route in the (app) group needs a signed-in user. Checked here rather than in a layout
 * load because form actions do not run layout loads: a guard there would not protect them.
 */
export const requireSignIn: Handle = async ({ event, resolve }) => {
  if (event.route.id?.startsWith('/(app)') && !event.locals.user) {
    if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
      return new Response('Sign in first.', { status: 401 });
    }
    // Only an address that /login would follow is passed on; anything else signs in to the list.
    const back = safeRedirectPath(event.url.pathname + event.url.search, '');
    redirect(303, back ? `/login?redirectTo=${encodeURIComponent(back)}` : '/login');
  }
  return resolve(event);
};
