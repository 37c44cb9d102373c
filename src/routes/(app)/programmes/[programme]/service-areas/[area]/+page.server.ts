import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { serviceAreaSchema } from '#lib/schemas/service-area.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { findServiceArea, updateServiceArea } from '#lib/server/service-areas.ts';
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
    const parsed = await parseForm(request, serviceAreaSchema);
    if (!parsed.ok) return parsed.failure;
    const { version, ...input } = parsed.data;
    if (version === undefined) return failWith('form', 'The form is out of date: reload the page');
    const result = await updateServiceArea(
      db(),
      locals.user!,
      programme.id,
      params.area,
      version,
      input,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/service-areas?saved=1`);
    if (result.kind === 'gone') error(404, 'This service area has been deleted');
    if (result.kind === 'invalid')
      return failWith(result.field, result.message, { name: input.name });
    return failWith(
      'form',
      'Someone else changed this service area while you were editing it. Nothing you entered has been saved: the form now shows what is saved.',
      {},
      409
    );
  }
};
