import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { templateFromReorganisation } from '#lib/domain/programme-templates.ts';
import { pastReorganisations, reorganisationById } from '#lib/domain/register/index.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import { createProgramme } from '#lib/server/programmes/create.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  reorganisations: pastReorganisations().map((r) => ({
    id: r.id,
    name: r.name,
    vestingDate: r.vestingDate,
    successors: r.successors.map((c) => c.name),
    predecessorCount: r.predecessors.length
  }))
});

const choice = z.object({
  reorganisation: z
    .string({ error: 'Choose a reorganisation' })
    .min(1, 'Choose a reorganisation')
    .max(100)
});

export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const parsed = await parseForm(request, choice);
    if (!parsed.ok) return parsed.failure;
    const reorganisation = reorganisationById(parsed.data.reorganisation);
    if (!reorganisation) return failWith('reorganisation', 'Choose a reorganisation from the list');
    const created = await createProgramme(
      db(),
      locals.user!,
      {
        name: `${reorganisation.name} (worked example)`,
        area: reorganisation.name.replace(/ \d{4}$/, ''),
        vestingDate: reorganisation.vestingDate,
        ...templateFromReorganisation(reorganisation),
        source: `example:${reorganisation.id}`
      },
      getClientAddress()
    );
    redirect(303, `/programmes/${created.slug}`);
  }
};
