import { redirect } from '@sveltejs/kit';
import { todayUtc } from '#lib/domain/dates.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { readinessPage } from '#lib/server/checks/page.ts';
import { takeSnapshot } from '#lib/server/checks/readiness.ts';
import { db } from '#lib/server/db/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const today = todayUtc();
  return {
    ...(await readinessPage(db(), programme, today)),
    today,
    taken: url.searchParams.has('taken')
  };
};

// The action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  snapshot: async ({ params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    await takeSnapshot(db(), locals.user!, programme, todayUtc(), getClientAddress());
    redirect(303, `/programmes/${programme.slug}/checks?taken=1#trend`);
  }
};
