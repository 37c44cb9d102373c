import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { roleAllowsEdit } from '#lib/roles.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors } from '#lib/server/forms.ts';
import {
  findSystem,
  readSystemForm,
  systemFilterOptions,
  updateSystem
} from '#lib/server/systems/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params, url }) => {
  const { programme } = await parent();
  const system = uuid.safeParse(params.system).success
    ? await findSystem(db(), programme.id, params.system)
    : null;
  if (!system) error(404, 'Not found');
  // Viewers read the record; only people who can change it need the form's choices.
  const options = roleAllowsEdit(programme.role)
    ? await systemFilterOptions(db(), programme.id)
    : { councils: [], serviceAreas: [] };
  const saved = url.searchParams.get('saved');
  return {
    system,
    councils: options.councils,
    serviceAreas: options.serviceAreas,
    saved: saved === 'added' || saved === 'changed' ? saved : null
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.system).success) error(404, 'Not found');
    const form = await readSystemForm(request);
    if (!form.ok) return form.failure;
    const { version, ...input } = form.data;
    if (version === undefined) {
      return failWithErrors({ form: 'The form is out of date: reload the page' }, form.fields);
    }
    const result = await updateSystem(
      db(),
      locals.user!,
      programme.id,
      params.system,
      version,
      input,
      getClientAddress()
    );
    const page = `/programmes/${programme.slug}/systems/${params.system}`;
    if (result.ok) redirect(303, `${page}?saved=changed`);
    if (result.kind === 'gone') error(404, 'This system has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, form.fields);
    return fail(409, {
      conflict: { yours: input, theirs: result.current },
      values: {},
      errors: {}
    });
  }
};
