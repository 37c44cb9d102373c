import { fail, redirect } from '@sveltejs/kit';
import { todayUtc } from '#lib/domain/dates.ts';
import { naiveSchedule, proposeRoadmap } from '#lib/domain/planner/index.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, readFormData } from '#lib/server/forms.ts';
import {
  acceptProposal,
  capacityYears,
  inputFingerprint,
  plannerDefaults,
  proposalView,
  readPlannerForm
} from '#lib/server/planner/index.ts';
import { findScenario, loadRoadmap } from '#lib/server/roadmap/index.ts';
import { FIELD } from '#lib/schemas/planner.ts';
import { lineText } from '#lib/schemas/text.ts';
import type { Actions, PageServerLoad } from './$types';

type Programme = Awaited<ReturnType<typeof requireProgramme>>;

const settingsOf = (p: Programme) => ({
  vestingDate: p.vestingDate,
  horizonYears: p.horizonYears,
  capacity: p.capacity,
  stabilisationMonths: p.stabilisationMonths
});

/** The planner's defaults and the current scenario, loaded together. */
async function loadInputs(programme: Programme) {
  const scenario = await findScenario(db(), programme.id, null);
  const [defaults, roadmap] = await Promise.all([
    plannerDefaults(db(), programme, scenario?.id ?? null),
    scenario ? loadRoadmap(db(), programme, scenario) : null
  ]);
  return { defaults, roadmap };
}

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const { defaults, roadmap } = await loadInputs(programme);
  const settings = settingsOf(programme);
  const read = readPlannerForm(url.searchParams, settings, defaults.areas);
  const proposal = proposeRoadmap(read.input);
  const naive = naiveSchedule(read.input);
  const today = todayUtc();
  const base = `/programmes/${programme.slug}/roadmap`;
  const chosen = new Map(read.input.areas.map((a) => [a.id, a]));
  return {
    today,
    settings,
    scenarioName: roadmap?.scenario.name ?? null,
    errors: read.errors,
    form: {
      areas: defaults.areas.map((a) => {
        const now = chosen.get(a.id);
        return {
          id: a.id,
          name: a.name,
          included: !read.excluded.includes(a.id),
          priority: now?.priority ?? a.priority,
          size: now?.size ?? a.size,
          contracts: a.contracts.map((c) => ({
            reference: c.reference,
            currentEnd: c.ends[0]!,
            latestEnd: c.ends.at(-1)!
          }))
        };
      }),
      dependencies: read.input.areas.flatMap((a) =>
        a.dependsOn.map((before) => ({ before, after: a.id }))
      ),
      capacity: capacityYears(settings).map((year) => ({
        year,
        value: read.input.capacityByYear[year] ?? settings.capacity
      })),
      changed: url.searchParams.has(FIELD.planned),
      // Kept on the accept form's address, so a refused accept redraws the same choices.
      query: new URLSearchParams(
        [...url.searchParams].filter(([key]) => !key.startsWith('/'))
      ).toString()
    },
    view: proposalView(read.input, proposal, naive, roadmap, today, (id) => `${base}/items/${id}`)
  };
};

const scenarioName = lineText('The name', { error: 'Enter a name for the new scenario' })
  .min(1, { error: 'Enter a name for the new scenario' })
  .max(120, { error: 'The name must be 120 characters or fewer' });

export const actions: Actions = {
  /** Saves the proposal drawn from the submitted choices as a new scenario. */
  accept: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const data = await readFormData(request);
    if (!data) return failWith('form', 'The form could not be read. Try again.');
    const name = scenarioName.safeParse(data.get('name') ?? undefined);
    if (!name.success) return failWith('name', name.error.issues[0]!.message);
    const { defaults } = await loadInputs(programme);
    const read = readPlannerForm(data, settingsOf(programme), defaults.areas);
    if (Object.keys(read.errors).length > 0) return failWithErrors(read.errors, {});
    if (data.get('fingerprint') !== inputFingerprint(read.input)) {
      return fail(409, {
        errors: {
          form: 'The inventory or the roadmap changed since this proposal was drawn. Look at the proposal again below, then accept it.'
        },
        values: {}
      });
    }
    const proposal = proposeRoadmap(read.input);
    const result = await acceptProposal(
      db(),
      locals.user!,
      programme.id,
      name.data,
      read.input,
      proposal,
      getClientAddress()
    );
    redirect(
      303,
      `/programmes/${programme.slug}/roadmap?scenario=${result.id}&proposed=${result.items}`
    );
  }
};
