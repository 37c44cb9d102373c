import type { Handle } from '@sveltejs/kit/hooks';

/**
 * Refuses addresses that carry a NUL character (%00). No link of ours makes one, and PostgreSQL
 * cannot hold one in text, so a filter or slug containing it turned into a server error (found
 * by the wapiti scan). One check here covers every route and every query parameter.
 */
export const refuseNulInAddress: Handle = async ({ event, resolve }) => {
  const { pathname, search } = event.url;
  if (/%00/i.test(pathname) || /%00/i.test(search)) {
    return new Response('The address contains a character that is not allowed (%00).', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' }
    });
  }
  return resolve(event);
};
