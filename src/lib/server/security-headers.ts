import type { Handle } from '@sveltejs/kit/hooks';

/**
 * Headers for every response. The Content-Security-Policy itself comes from `kit.csp` in
 * svelte.config.js, which adds per-request nonces to SvelteKit's own inline scripts and to
 * the inlined stylesheet.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const headers = response.headers;
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (event.url.protocol === 'https:') {
    headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  if (event.url.pathname.startsWith('/share/')) {
    // Share links carry their secret in the address: never pass it on in a Referer, keep the
    // page out of search engines and out of any cache, whatever the answer (410s included).
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Robots-Tag', 'noindex, nofollow');
    headers.set('Cache-Control', 'private, no-store');
  } else if (event.locals.user && !headers.has('Cache-Control')) {
    // Pages behind sign-in hold commercially sensitive data: keep them out of shared caches.
    headers.set('Cache-Control', 'private, no-store');
  }
  return response;
};
