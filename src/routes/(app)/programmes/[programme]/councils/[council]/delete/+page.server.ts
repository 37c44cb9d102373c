import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { councilDependents, deleteCouncil, findCouncil } from '#lib/server/councils/index.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const council = uuid.safeParse(params.council).success
    ? await findCouncil(db(), programme.id, params.council)
    : null;
  if (!council) error(404, 'Not found');
  return {
    council: { id: council.id, name: council.name, version: council.version },
    dependents: await councilDependents(db(), council.id)
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.council).success) error(404, 'Not found');
    const parsed = await parseForm(request, z.object({ version: z.coerce.number().int().min(1) }));
    if (!parsed.ok) return parsed.failure;
    const result = await deleteCouncil(
      db(),
      locals.user!,
      programme.id,
      params.council,
      parsed.data.version,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/councils`);
    if (result.kind === 'gone') error(404, 'This council has already been deleted');
    if (result.kind === 'invalid') return failWith('form', result.message, {}, 409);
    return failWith(
      'form',
      'Someone else changed this council since you opened this page. Check it again before deleting.',
      {},
      409
    );
  }
};
