import { redirect } from '@sveltejs/kit';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, readFormData } from '#lib/server/forms.ts';
import { parseContractForm } from '#lib/server/contracts/form.ts';
import { contractFormOptions } from '#lib/server/contracts/queries.ts';
import { createContract } from '#lib/server/contracts/writes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  return contractFormOptions(db(), programme.id);
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const data = await readFormData(request);
    if (!data) return failWith('form', 'The form could not be read. Try again.');
    const parsed = parseContractForm(data);
    if (!parsed.ok) return failWithErrors(parsed.errors, parsed.values);
    const result = await createContract(
      db(),
      locals.user!,
      programme.id,
      parsed.input,
      getClientAddress()
    );
    if (!result.ok) {
      const [field, message] =
        result.kind === 'invalid'
          ? [result.field, result.message]
          : ['form', 'The contract could not be saved'];
      return failWith(field, message, parsed.values);
    }
    redirect(303, `/programmes/${programme.slug}/contracts/${result.id}?saved=1`);
  }
};
