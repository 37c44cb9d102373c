import { error } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { findCalendarFeed, markCalendarFeedUsed } from '#lib/server/calendar/feeds.ts';
import { programmeCalendar } from '#lib/server/calendar/ics.ts';
import type { RequestHandler } from './$types';

/**
 * A programme's deadlines for calendar apps. Outside the signed-in area on purpose: Outlook
 * and the like cannot sign in, so the secret in the address is the credential. An unknown,
 * revoked or malformed address is a 404, the same as a page that does not exist.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const feed = await findCalendarFeed(db(), params.token);
  if (!feed) error(404, 'Not found');
  const [body] = await Promise.all([
    programmeCalendar(db(), feed, url.origin),
    markCalendarFeedUsed(db(), feed.id)
  ]);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${feed.slug}-deadlines.ics"`,
      // Contract data: not for shared caches, and not for search engines.
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex'
    }
  });
};
