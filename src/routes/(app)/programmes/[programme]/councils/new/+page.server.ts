import { redirect } from '@sveltejs/kit';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { readCouncilForm } from '#lib/server/council-form.ts';
import { createCouncil, listCouncils } from '#lib/server/councils/index.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const successors = (await listCouncils(db(), programme.id)).filter((c) => c.role === 'successor');
  return { successors: successors.map((s) => ({ id: s.id, name: s.name })) };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const form = await readCouncilForm(request);
    if (!form.ok) return form.failure;
    const result = await createCouncil(
      db(),
      locals.user!,
      programme.id,
      form.input,
      form.successorIds,
      getClientAddress(),
      form.notes
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/councils`);
    return failWith(
      result.kind === 'invalid' ? result.field : 'form',
      result.kind === 'invalid' ? result.message : 'The council could not be added',
      form.fields
    );
  }
};
