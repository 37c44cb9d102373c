import { db } from '$lib/server/db';
import { systemsMatrix } from '$lib/server/systems';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { matrix: await systemsMatrix(db(), programme.id), fullWidth: true };
};
