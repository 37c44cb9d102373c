import { todayUtc } from '#lib/domain/dates.ts';
import { parseRunwayFilters } from '#lib/schemas/runway-filters.ts';
import { councilChoices } from '#lib/server/contracts/queries.ts';
import { loadRunway, RUNWAY_LIMIT } from '#lib/server/contracts/runway.ts';
import { db } from '#lib/server/db/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  // The layout load has already checked membership (requireProgramme): any member may look.
  const { programme } = await parent();
  const filters = parseRunwayFilters(url.searchParams);
  const today = todayUtc();
  const [runway, councils] = await Promise.all([
    loadRunway(db(), programme.id, filters, { today, vestingDate: programme.vestingDate }),
    councilChoices(db(), programme.id)
  ]);
  return { filters, runway, councils, today, limit: RUNWAY_LIMIT, fullWidth: true };
};
