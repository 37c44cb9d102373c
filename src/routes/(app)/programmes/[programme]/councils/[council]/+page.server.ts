import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { findCouncil, listCouncils, updateCouncil } from '#lib/server/councils/index.ts';
import { db } from '#lib/server/db/index.ts';
import { readCouncilForm } from '#lib/server/council-form.ts';
import { failWith } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const council = uuid.safeParse(params.council).success
    ? await findCouncil(db(), programme.id, params.council)
    : null;
  if (!council) error(404, 'Not found');
  const successors = (await listCouncils(db(), programme.id)).filter(
    (c) => c.role === 'successor' && c.id !== council.id
  );
  return { council, successors: successors.map((s) => ({ id: s.id, name: s.name })) };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.council).success) error(404, 'Not found');
    const form = await readCouncilForm(request);
    if (!form.ok) return form.failure;
    const { input, version, successorIds, notes, fields } = form;
    if (version === undefined)
      return failWith('form', 'The form is out of date: reload the page', fields);
    const result = await updateCouncil(
      db(),
      locals.user!,
      programme.id,
      params.council,
      version,
      input,
      successorIds,
      getClientAddress(),
      notes
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/councils`);
    if (result.kind === 'gone') error(404, 'This council has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, fields);
    return fail(409, {
      conflict: {
        yours: { ...input, successorIds: [...successorIds].sort() },
        theirs: result.current
      },
      values: {},
      errors: {}
    });
  }
};
