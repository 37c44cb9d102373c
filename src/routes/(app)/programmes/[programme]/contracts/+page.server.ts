import { todayUtc } from '$lib/domain/dates';
import { parseContractFilters } from '$lib/schemas/contract-filters';
import { db } from '$lib/server/db';
import { councilChoices, listContracts } from '$lib/server/contracts/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const filters = parseContractFilters(url.searchParams);
  const context = { today: todayUtc(), vestingDate: programme.vestingDate };
  const [list, councils] = await Promise.all([
    listContracts(db(), programme.id, filters, context),
    councilChoices(db(), programme.id)
  ]);
  return {
    filters,
    list,
    councils,
    deleted: url.searchParams.has('deleted'),
    decided: Number(url.searchParams.get('decided')) || 0,
    fullWidth: true
  };
};
