import { todayUtc } from '#lib/domain/dates.ts';
import { parseContractFilters } from '#lib/schemas/contract-filters.ts';
import { db } from '#lib/server/db/index.ts';
import { cachedContractList } from '#lib/server/contracts/cached-list.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const filters = parseContractFilters(url.searchParams);
  const { list, councils } = await cachedContractList(db(), programme, todayUtc(), filters);
  return {
    filters,
    list,
    councils,
    deleted: url.searchParams.has('deleted'),
    decided: Number(url.searchParams.get('decided')) || 0,
    fullWidth: true
  };
};
