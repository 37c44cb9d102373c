import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { controlSchema } from '#lib/schemas/checks.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { changeControl, findControl } from '#lib/server/checks/control-changes.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();
const changeSchema = controlSchema.extend({ version: z.coerce.number().int().min(1) });

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const control = uuid.safeParse(params.control).success
    ? await findControl(db(), programme.id, params.control)
    : null;
  if (!control) error(404, 'Not found');
  return { control };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.control).success) error(404, 'Not found');
    const parsed = await parseForm(request, changeSchema);
    if (!parsed.ok) return parsed.failure;
    const { version, ...input } = parsed.data;
    const result = await changeControl(
      db(),
      locals.user!,
      programme.id,
      params.control,
      version,
      input,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/checks/facts/security?saved=1`);
    if (result.kind === 'gone') error(404, 'This control has been removed');
    if (result.kind === 'invalid')
      return failWith(result.field, result.message, {
        name: input.name,
        description: input.description ?? ''
      });
    return failWith(
      'form',
      'Someone else changed this control while you were editing it. Nothing you entered has been saved: the form now shows what is saved.',
      {},
      409
    );
  }
};
