import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { compareScenarios } from '#lib/domain/roadmap/index.ts';
import { scenarioNameSchema } from '#lib/schemas/roadmap.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import {
  copyScenario,
  createScenario,
  listScenarios,
  makeScenarioCurrent,
  scenarioItemCounts,
  scenarioItemsForComparison
} from '#lib/server/roadmap/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const [scenarios, counts] = await Promise.all([
    listScenarios(db(), programme.id),
    scenarioItemCounts(db(), programme.id)
  ]);
  const a = url.searchParams.get('a');
  const b = url.searchParams.get('b');
  let comparison = null;
  if (a && b) {
    const known = new Set(scenarios.map((s) => s.id));
    if (
      !uuid.safeParse(a).success ||
      !uuid.safeParse(b).success ||
      !known.has(a) ||
      !known.has(b)
    ) {
      error(404, 'Not found');
    }
    const rows = await scenarioItemsForComparison(db(), [a, b]);
    comparison = {
      a,
      b,
      rows: compareScenarios(
        rows.filter((r) => r.scenarioId === a),
        rows.filter((r) => r.scenarioId === b)
      )
    };
  }
  return {
    scenarios: scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      isCurrent: s.isCurrent,
      version: s.version,
      createdAt: s.createdAt,
      items: counts.get(s.id) ?? 0
    })),
    comparison,
    done: url.searchParams.get('done')
  };
};

const base = (slug: string) => `/programmes/${slug}/roadmap/scenarios`;

export const actions: Actions = {
  create: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, z.object({ name: scenarioNameSchema }));
    if (!parsed.ok) return parsed.failure;
    await createScenario(db(), locals.user!, programme.id, parsed.data.name, getClientAddress());
    redirect(303, `${base(programme.slug)}?done=created`);
  },
  copy: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(
      request,
      z.object({
        scenarioId: z.uuid({ error: 'Choose a scenario to copy' }),
        name: scenarioNameSchema
      })
    );
    if (!parsed.ok) return parsed.failure;
    const result = await copyScenario(
      db(),
      locals.user!,
      programme.id,
      parsed.data.scenarioId,
      parsed.data.name,
      getClientAddress()
    );
    if (!result.ok) return failWith('scenarioId', result.message, {}, result.status);
    redirect(303, `${base(programme.slug)}?done=copied`);
  },
  makeCurrent: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(
      request,
      z.object({
        scenarioId: z.uuid({ error: 'Choose a scenario' }),
        version: z.coerce.number().int().min(1)
      })
    );
    if (!parsed.ok) return parsed.failure;
    const result = await makeScenarioCurrent(
      db(),
      locals.user!,
      programme.id,
      parsed.data.scenarioId,
      parsed.data.version,
      getClientAddress()
    );
    if (!result.ok) return failWith('form', result.message, {}, result.status);
    redirect(303, `${base(programme.slug)}?done=current`);
  }
};
