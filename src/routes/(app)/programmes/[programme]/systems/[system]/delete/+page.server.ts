import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, readFormFields } from '#lib/server/forms.ts';
import { deleteSystem, findSystem } from '#lib/server/systems/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();
const versionSchema = z.coerce.number().int().min(1).max(2_147_483_647);

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const system = uuid.safeParse(params.system).success
    ? await findSystem(db(), programme.id, params.system)
    : null;
  if (!system) error(404, 'Not found');
  return { system: { id: system.id, name: system.name, version: system.version } };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.system).success) error(404, 'Not found');
    const fields = await readFormFields(request);
    const version = versionSchema.safeParse(fields?.version);
    if (!version.success) return failWith('form', 'The form is out of date: reload the page');
    const result = await deleteSystem(
      db(),
      locals.user!,
      programme.id,
      params.system,
      version.data,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/systems?deleted=1`);
    if (result.kind === 'gone') error(404, 'This system has already been deleted');
    return fail(409, {
      errors: {
        form: 'Someone else changed this system after you opened this page. Check its details, then delete it again if you still need to.'
      },
      values: {},
      changed: true
    });
  }
};
