import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, readFormFields } from '#lib/server/forms.ts';
import {
  deleteScenario,
  findScenario,
  scenarioDeleteBlocker,
  scenarioItemCounts
} from '#lib/server/roadmap/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();
const versionSchema = z.coerce.number().int().min(1).max(2_147_483_647);

/** Deleting a whole scenario cannot be undone from the audit log, so only owners may. */
export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'owner');
  const scenario = uuid.safeParse(params.scenario).success
    ? await findScenario(db(), programme.id, params.scenario)
    : null;
  if (!scenario) error(404, 'Not found');
  const [blocker, counts] = await Promise.all([
    scenarioDeleteBlocker(db(), scenario),
    scenarioItemCounts(db(), programme.id)
  ]);
  return {
    scenario: { id: scenario.id, name: scenario.name, version: scenario.version },
    items: counts.get(scenario.id) ?? 0,
    blocker
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'owner');
    if (!uuid.safeParse(params.scenario).success) error(404, 'Not found');
    const fields = await readFormFields(request);
    const version = versionSchema.safeParse(fields?.version);
    if (!version.success) return failWith('form', 'The form is out of date: reload the page');
    const result = await deleteScenario(
      db(),
      locals.user!,
      programme.id,
      params.scenario,
      version.data,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/roadmap/scenarios?done=deleted`);
    if (result.status === 404) error(404, 'This scenario has already been deleted');
    return failWith('form', result.message, {}, result.status);
  }
};
