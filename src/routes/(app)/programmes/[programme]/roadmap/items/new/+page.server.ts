import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith } from '#lib/server/forms.ts';
import {
  createItem,
  findScenario,
  itemFormOptions,
  loadRoadmap,
  readItemForm
} from '#lib/server/roadmap/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

/** ?scenario= names a scenario other than the current one; it must be this programme's. */
function scenarioParam(url: URL): string | null {
  const value = url.searchParams.get('scenario');
  if (value === null) return null;
  if (!uuid.safeParse(value).success) error(404, 'Not found');
  return value;
}

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const asked = scenarioParam(url);
  const [options, scenario] = await Promise.all([
    itemFormOptions(db(), programme.id),
    findScenario(db(), programme.id, asked)
  ]);
  if (asked && !scenario) error(404, 'Not found');
  const roadmap = scenario ? await loadRoadmap(db(), programme, scenario) : null;
  return {
    options,
    scenario: scenario && { id: scenario.id, name: scenario.name, isCurrent: scenario.isCurrent },
    items: (roadmap?.items ?? []).map((i) => ({ id: i.id, name: i.title }))
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals, url, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const asked = scenarioParam(url);
    const form = await readItemForm(request);
    if (!form.ok) return form.failure;
    const { version: _ignored, ...input } = form.data;
    const result = await createItem(
      db(),
      locals.user!,
      programme.id,
      asked,
      input,
      form.links,
      getClientAddress()
    );
    if (result.ok) {
      redirect(303, `/programmes/${programme.slug}/roadmap/items/${result.id}?saved=added`);
    }
    return failWith(result.field, result.message, form.fields);
  }
};
