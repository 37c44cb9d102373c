import { db } from '$lib/server/db';
import { exportCounts } from '$lib/server/export';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  // The layout load has already checked membership (requireProgramme) for this page.
  const { programme } = await parent();
  return exportCounts(db(), programme.id);
};
