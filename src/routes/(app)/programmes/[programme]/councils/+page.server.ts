import { db } from '#lib/server/db/index.ts';
import { listCouncils } from '#lib/server/councils/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { councils: await listCouncils(db(), programme.id) };
};
