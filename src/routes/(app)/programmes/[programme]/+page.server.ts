import { todayUtc } from '$lib/domain/dates';
import { contractFiltersSchema } from '$lib/schemas/contract-filters';
import { evaluateProgramme } from '$lib/server/checks/readiness';
import { countContracts } from '$lib/server/contracts/queries';
import { db } from '$lib/server/db';
import { councilOverview } from '$lib/server/db/queries/programmes';
import type { PageServerLoad } from './$types';

/** The quick views a CIO starts from; the overview links to each as a filtered list. */
const OVERVIEW_CONTRACT_VIEWS = {
  aroundDayOne: { endsWithin: 6 },
  noticeDue: { notice: 'due' },
  undecided: { undecided: 'yes' }
} as const;

export const load: PageServerLoad = async ({ parent, url }) => {
  // The layout load has already checked membership (requireProgramme) for this page.
  const { programme } = await parent();
  const today = todayUtc();
  const sets = Object.fromEntries(
    Object.entries(OVERVIEW_CONTRACT_VIEWS).map(([name, f]) => [
      name,
      contractFiltersSchema.parse(f)
    ])
  );
  const [councils, contractCounts, checks] = await Promise.all([
    councilOverview(db(), programme.id),
    countContracts(db(), programme.id, sets, { today, vestingDate: programme.vestingDate }),
    evaluateProgramme(db(), programme, today)
  ]);
  return {
    councils,
    contractCounts,
    today,
    readiness: checks.readiness,
    restored: url.searchParams.get('restored') === '1'
  };
};
