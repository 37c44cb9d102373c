import { db } from '$lib/server/db';
import { listCouncils } from '$lib/server/councils';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { councils: await listCouncils(db(), programme.id) };
};
