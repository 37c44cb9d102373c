import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { controlSchema } from '#lib/schemas/checks.ts';
import { requireProgramme } from '#lib/server/access.ts';
import {
  addControl,
  addStandardControls,
  removeControl,
  securityOverview
} from '#lib/server/checks/security.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  return { ...(await securityOverview(db(), programme.id)), saved: url.searchParams.has('saved') };
};

const removeSchema = z.object({
  controlId: z.uuid({ error: 'Choose a control' }),
  version: z.coerce.number().int().min(1)
});

// Each action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  add: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, controlSchema);
    if (!parsed.ok) return parsed.failure;
    const result = await addControl(
      db(),
      locals.user!,
      programme.id,
      parsed.data,
      getClientAddress()
    );
    if (result.ok) return { done: 'added' };
    if (result.kind === 'invalid')
      return failWith(result.field, result.message, { name: parsed.data.name });
    return failWith('form', 'The control could not be added');
  },
  standard: async ({ params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const result = await addStandardControls(db(), locals.user!, programme.id, getClientAddress());
    if (result.ok) return { done: 'standard' };
    if (result.kind === 'invalid') return failWith(result.field, result.message);
    return failWith('form', 'The standard controls could not be added');
  },
  remove: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, removeSchema);
    if (!parsed.ok) return failWith('form', 'The control could not be removed: reload the page');
    const result = await removeControl(
      db(),
      locals.user!,
      programme.id,
      parsed.data.controlId,
      parsed.data.version,
      getClientAddress()
    );
    if (result.ok) return { done: 'removed' };
    if (result.kind === 'gone') error(404, 'This control has already been removed');
    return failWith(
      'form',
      'Someone else changed this control: nothing was removed. The list now shows what is saved.',
      {},
      409
    );
  }
};
