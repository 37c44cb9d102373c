import { db } from '#lib/server/db/index.ts';
import { exportCounts } from '#lib/server/export/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  // The layout load has already checked membership (requireProgramme) for this page.
  const { programme } = await parent();
  return exportCounts(db(), programme.id);
};
