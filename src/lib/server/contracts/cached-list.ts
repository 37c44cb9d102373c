import type { ContractFilters } from '#lib/schemas/contract-filters.ts';
import { keyedRevisionCache } from '../revision-cache';
import { councilChoices, listContracts } from './queries';

/**
 * A page of the contracts list and the council filter's choices, computed once per programme
 * revision and set of filters (see `revision-cache.ts`). Sorting a large programme's contracts
 * by their current end or notice deadline works out those dates for every matching contract,
 * which is most of the page's time; people come back to the same list between decisions.
 */
export const cachedContractList = keyedRevisionCache(
  async (db, programme, today, filters: ContractFilters) => {
    const context = { today, vestingDate: programme.vestingDate };
    const [list, councils] = await Promise.all([
      listContracts(db, programme.id, filters, context),
      councilChoices(db, programme.id)
    ]);
    return { list, councils };
  }
);
