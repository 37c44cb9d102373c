import { error, redirect } from '@sveltejs/kit';
import { todayUtc } from '#lib/domain/dates.ts';
import {
  contractFiltersQuery,
  LGR_TREATMENTS,
  parseContractFilters,
  type LgrTreatment
} from '#lib/schemas/contract-filters.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, readFormData } from '#lib/server/forms.ts';
import { applyBulkTreatment, MAX_BULK } from '#lib/server/contracts/bulk.ts';
import { allMatchingContracts } from '#lib/server/contracts/queries.ts';
import type { Actions, PageServerLoad } from './$types';

const ITEM = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,9})$/i;

function treatmentFrom(value: string | null): LgrTreatment | null {
  return LGR_TREATMENTS.includes(value as LgrTreatment) && value !== 'undecided'
    ? (value as LgrTreatment)
    : null;
}

/** The preview: every contract the filters match, split into those that change and those already set. */
export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const treatment = treatmentFrom(url.searchParams.get('set'));
  if (!treatment) error(400, 'Choose the decision to apply');
  const filters = parseContractFilters(url.searchParams);
  const matching = await allMatchingContracts(db(), programme.id, filters, {
    today: todayUtc(),
    vestingDate: programme.vestingDate
  });
  const changes = matching.filter((c) => c.lgrTreatment !== treatment);
  return {
    treatment,
    changes,
    unchanged: matching.length - changes.length,
    tooMany: changes.length > MAX_BULK,
    back: contractFiltersQuery(filters)
  };
};

export const actions: Actions = {
  default: async ({ request, params, url, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const treatment = treatmentFrom(url.searchParams.get('set'));
    if (!treatment) return failWith('form', 'Choose the decision to apply');
    const data = await readFormData(request);
    if (!data) return failWith('form', 'The form could not be read. Try again.');
    const items = data.getAll('item').map((v) => (typeof v === 'string' ? ITEM.exec(v) : null));
    if (items.some((m) => !m))
      return failWith('form', 'The list of contracts could not be read. Preview the change again.');
    const previewed = items.map((m) => ({ id: m![1]!.toLowerCase(), version: Number(m![2]) }));
    const result = await applyBulkTreatment(
      db(),
      locals.user!,
      programme.id,
      previewed,
      treatment,
      todayUtc(),
      getClientAddress()
    );
    if (!result.ok) return failWith('form', result.message, {}, 409);
    redirect(303, `/programmes/${programme.slug}/contracts?decided=${result.changed}`);
  }
};
