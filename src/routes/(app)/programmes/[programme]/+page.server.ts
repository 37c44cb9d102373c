import { db } from '$lib/server/db';
import { councilOverview } from '$lib/server/db/queries/programmes';
import { todayUtc } from '$lib/domain/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  // The layout load has already checked membership (requireProgramme) for this page.
  const { programme } = await parent();
  return {
    councils: await councilOverview(db(), programme.id),
    today: todayUtc()
  };
};
