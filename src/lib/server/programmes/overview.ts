import { contractFiltersSchema } from '#lib/schemas/contract-filters.ts';
import { countContracts } from '../contracts/queries';
import { councilOverview } from '../db/queries/programmes';
import { revisionCache } from '../revision-cache';

/** The quick views a CIO starts from; the overview links to each as a filtered list. */
const OVERVIEW_CONTRACT_VIEWS = {
  aroundDayOne: { endsWithin: 6 },
  noticeDue: { notice: 'due' },
  undecided: { undecided: 'yes' }
} as const;

/**
 * The overview's councils and contract counts, computed once per programme revision (see
 * `revision-cache.ts`): counting the quick views works out every contract's current end and
 * notice deadline, which at 15,000 contracts takes longer than the rest of the page.
 */
export const overviewFigures = revisionCache(async (db, programme, today) => {
  const sets = Object.fromEntries(
    Object.entries(OVERVIEW_CONTRACT_VIEWS).map(([name, f]) => [
      name,
      contractFiltersSchema.parse(f)
    ])
  );
  const [councils, contractCounts] = await Promise.all([
    councilOverview(db, programme.id),
    countContracts(db, programme.id, sets, { today, vestingDate: programme.vestingDate })
  ]);
  return { councils, contractCounts };
});
