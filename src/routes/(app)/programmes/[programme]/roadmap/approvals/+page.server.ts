import { redirect } from '@sveltejs/kit';
import { todayUtc } from '#lib/domain/dates.ts';
import { approvalSchema } from '#lib/schemas/review.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { listScenarios } from '#lib/server/roadmap/index.ts';
import { approveScenario, listApprovals } from '#lib/server/review/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const [approvals, scenarios] = await Promise.all([
    listApprovals(db(), programme.id),
    listScenarios(db(), programme.id)
  ]);
  return {
    approvals,
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, isCurrent: s.isCurrent })),
    today: todayUtc(),
    approved: url.searchParams.get('approved')
  };
};

export const actions: Actions = {
  /** Owners record an approval: the scenario's items and the day-one verdict are frozen. */
  approve: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    const parsed = await parseForm(request, approvalSchema);
    if (!parsed.ok) return parsed.failure;
    const result = await approveScenario(
      db(),
      locals.user!,
      programme,
      parsed.data,
      getClientAddress()
    );
    if (result.ok) {
      redirect(303, `/programmes/${programme.slug}/roadmap/approvals?approved=${result.id}`);
    }
    return failWith(result.field, result.message, {}, result.status);
  }
};
