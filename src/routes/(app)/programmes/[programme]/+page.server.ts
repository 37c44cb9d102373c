import { todayUtc } from '#lib/domain/dates.ts';
import { cachedReadiness } from '#lib/server/checks/cache.ts';
import { db } from '#lib/server/db/index.ts';
import { overviewFigures } from '#lib/server/programmes/overview.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  // The layout load has already checked membership (requireProgramme) for this page.
  const { programme } = await parent();
  const today = todayUtc();
  const [{ councils, contractCounts }, checks] = await Promise.all([
    overviewFigures(db(), programme, today),
    cachedReadiness(db(), programme, today)
  ]);
  return {
    councils,
    contractCounts,
    today,
    readiness: checks.readiness,
    restored: url.searchParams.get('restored') === '1'
  };
};
