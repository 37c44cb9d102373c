import { error, redirect } from '@sveltejs/kit';
import { firstAdminSchema } from '#lib/schemas/accounts.ts';
import { countUsers, createFirstAdmin } from '#lib/server/accounts.ts';
import { setSessionCookie } from '#lib/server/auth/cookies.ts';
import { createSession } from '#lib/server/auth/sessions.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// Exists only until the first administrator is created; after that it is a 404.
export const load: PageServerLoad = async () => {
  if ((await countUsers(db())) > 0) error(404, 'Not found');
  return {};
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    if ((await countUsers(db())) > 0) error(404, 'Not found');
    const parsed = await parseForm(request, firstAdminSchema);
    if (!parsed.ok) return parsed.failure;
    const { email, displayName } = parsed.data;
    const outcome = await createFirstAdmin(db(), parsed.data, getClientAddress());
    if (!outcome.ok) return failWith(outcome.field, outcome.message, { email, displayName });
    const { token, session } = await createSession(db(), outcome.userId, {
      ipAddress: getClientAddress(),
      userAgent: request.headers.get('user-agent')
    });
    setSessionCookie(cookies, url, token, session.absoluteExpiresAt);
    redirect(303, '/programmes');
  }
};
