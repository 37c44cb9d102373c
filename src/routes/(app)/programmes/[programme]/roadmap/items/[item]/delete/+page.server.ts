import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, readFormFields } from '#lib/server/forms.ts';
import { deleteItem, findItem, findScenario } from '#lib/server/roadmap/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();
const versionSchema = z.coerce.number().int().min(1).max(2_147_483_647);

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const item = uuid.safeParse(params.item).success
    ? await findItem(db(), programme.id, params.item)
    : null;
  if (!item) error(404, 'Not found');
  const scenario = await findScenario(db(), programme.id, item.scenarioId);
  return {
    item: { id: item.id, title: item.title, version: item.version },
    scenario: { id: scenario!.id, name: scenario!.name, isCurrent: scenario!.isCurrent }
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.item).success) error(404, 'Not found');
    const fields = await readFormFields(request);
    const version = versionSchema.safeParse(fields?.version);
    if (!version.success) return failWith('form', 'The form is out of date: reload the page');
    const result = await deleteItem(
      db(),
      locals.user!,
      programme.id,
      params.item,
      version.data,
      getClientAddress()
    );
    if (result.ok) {
      const scenario = await findScenario(db(), programme.id, result.scenarioId);
      const base = `/programmes/${programme.slug}/roadmap`;
      redirect(303, scenario?.isCurrent ? base : `${base}?scenario=${result.scenarioId}`);
    }
    if (result.kind === 'gone') error(404, 'This item has already been deleted');
    return fail(409, {
      errors: {
        form: 'Someone else changed this item after you opened this page. Check its details, then delete it again if you still need to.'
      },
      values: {},
      changed: true
    });
  }
};
