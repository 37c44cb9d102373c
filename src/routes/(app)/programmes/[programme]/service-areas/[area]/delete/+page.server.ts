import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { deleteServiceArea, findServiceArea } from '#lib/server/service-areas.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const area = uuid.safeParse(params.area).success
    ? await findServiceArea(db(), programme.id, params.area)
    : null;
  if (!area) error(404, 'Not found');
  return { area };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.area).success) error(404, 'Not found');
    const parsed = await parseForm(request, z.object({ version: z.coerce.number().int().min(1) }));
    if (!parsed.ok) return parsed.failure;
    const result = await deleteServiceArea(
      db(),
      locals.user!,
      programme.id,
      params.area,
      parsed.data.version,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/service-areas?deleted=1`);
    if (result.kind === 'gone') error(404, 'This service area has already been deleted');
    return failWith(
      'form',
      'Someone else changed this service area since you opened this page. Check it again before deleting.',
      {},
      409
    );
  }
};
