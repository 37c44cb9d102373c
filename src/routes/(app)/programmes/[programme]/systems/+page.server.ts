import { parseSystemFilters } from '#lib/schemas/system-filters.ts';
import { db } from '#lib/server/db/index.ts';
import { listSystems, systemFilterOptions, SYSTEMS_PAGE_SIZE } from '#lib/server/systems/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const filters = parseSystemFilters(url.searchParams);
  const [list, options] = await Promise.all([
    listSystems(db(), programme.id, filters),
    systemFilterOptions(db(), programme.id)
  ]);
  return {
    filters: { ...filters, page: list.page },
    list,
    pageSize: SYSTEMS_PAGE_SIZE,
    options,
    deleted: url.searchParams.get('deleted') === '1'
  };
};
