import { redirect } from '@sveltejs/kit';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith } from '#lib/server/forms.ts';
import { createSystem, readSystemForm, systemFilterOptions } from '#lib/server/systems/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const { councils, serviceAreas } = await systemFilterOptions(db(), programme.id);
  return { councils, serviceAreas };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const form = await readSystemForm(request);
    if (!form.ok) return form.failure;
    const { version: _ignored, ...input } = form.data;
    const result = await createSystem(db(), locals.user!, programme.id, input, getClientAddress());
    if (result.ok) redirect(303, `/programmes/${programme.slug}/systems/${result.id}?saved=added`);
    return failWith(result.field, result.message, form.fields);
  }
};
