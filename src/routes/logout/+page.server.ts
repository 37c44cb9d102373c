import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '#lib/server/auth/cookies.ts';
import { signOut } from '#lib/server/auth/sign-out.ts';
import { db } from '#lib/server/db/index.ts';
import type { Actions, PageServerLoad } from './$types';

// GET shows a button; only POST ends the session, so a link or prefetch cannot sign anyone out.
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/login');
  return {};
};

export const actions: Actions = {
  default: async ({ locals, cookies, url, getClientAddress }) => {
    if (locals.session) {
      await signOut(db(), locals.session, getClientAddress());
    }
    deleteSessionCookie(cookies, url);
    redirect(303, '/login?signedOut=1');
  }
};
