import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme } from '#lib/server/access.ts';
import {
  activeCalendarFeed,
  calendarFeedPath,
  createCalendarFeed,
  revokeCalendarFeed
} from '#lib/server/calendar/feeds.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** Neither action takes input: each acts on the signed-in person's own address. */
const noFields = z.object({});

export const load: PageServerLoad = async ({ parent, locals }) => {
  const { programme } = await parent();
  return { feed: await activeCalendarFeed(db(), locals.user!.id, programme.id) };
};

// Every action checks membership itself: form actions do not run layout loads.
export const actions: Actions = {
  create: async ({ request, locals, params, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme);
    const parsed = await parseForm(request, noFields);
    if (!parsed.ok) return parsed.failure;
    const feed = await createCalendarFeed(db(), locals.user!, programme.id, getClientAddress());
    // Removed from the programme since the check above: as for any non-member.
    if (!feed) error(404, 'Not found');
    const { token } = feed;
    // Shown once, in this response only: the database keeps just its hash.
    return { created: `${url.origin}${calendarFeedPath(token)}` };
  },
  revoke: async ({ request, locals, params, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme);
    const parsed = await parseForm(request, noFields);
    if (!parsed.ok) return parsed.failure;
    const revoked = await revokeCalendarFeed(db(), locals.user!, programme.id, getClientAddress());
    return revoked
      ? { revoked: true }
      : failWith('form', 'You have no calendar address for this programme to turn off.');
  }
};
