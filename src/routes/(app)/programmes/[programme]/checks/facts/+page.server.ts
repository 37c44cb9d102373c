import { listCouncilFacts } from '#lib/server/checks/facts-list.ts';
import { db } from '#lib/server/db/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  return {
    councils: await listCouncilFacts(db(), programme.id),
    saved: url.searchParams.get('saved')
  };
};
