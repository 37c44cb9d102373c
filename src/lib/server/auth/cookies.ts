import type { Cookies } from '@sveltejs/kit';

/**
 * Over HTTPS the cookie gets `Secure` and the `__Host-` prefix (bound to this exact host,
 * path /, no Domain). Plain http://localhost cannot set Secure cookies, so it uses a plain name.
 */
export function sessionCookieName(url: URL): string {
  return url.protocol === 'https:' ? '__Host-vd_session' : 'vd_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
  cookies.set(sessionCookieName(url), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    path: '/',
    expires: expiresAt
  });
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
  cookies.delete(sessionCookieName(url), {
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    path: '/'
  });
}
