import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { scenarioNameSchema } from '#lib/schemas/roadmap.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { findScenario, renameScenario } from '#lib/server/roadmap/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const scenario = uuid.safeParse(params.scenario).success
    ? await findScenario(db(), programme.id, params.scenario)
    : null;
  if (!scenario) error(404, 'Not found');
  return { scenario: { id: scenario.id, name: scenario.name, version: scenario.version } };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.scenario).success) error(404, 'Not found');
    const parsed = await parseForm(
      request,
      z.object({
        name: scenarioNameSchema,
        version: z.coerce.number().int().min(1).max(2_147_483_647)
      })
    );
    if (!parsed.ok) return parsed.failure;
    const result = await renameScenario(
      db(),
      locals.user!,
      programme.id,
      params.scenario,
      parsed.data.version,
      parsed.data.name,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/roadmap/scenarios?done=renamed`);
    if (result.status === 404) error(404, 'This scenario has been deleted');
    return failWith(
      result.status === 400 ? 'name' : 'form',
      result.message,
      { name: parsed.data.name },
      result.status
    );
  }
};
