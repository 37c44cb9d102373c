import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { factsFormChoices, findCouncilFacts, saveCouncilFacts } from '#lib/server/checks/facts.ts';
import { parseFactsForm } from '#lib/server/checks/facts-form.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, readFormFields } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const found = uuid.safeParse(params.council).success
    ? await findCouncilFacts(db(), programme.id, params.council)
    : null;
  if (!found) error(404, 'Not found');
  return {
    council: found.council,
    facts: found.facts,
    choices: await factsFormChoices(db(), programme.id, found.council)
  };
};

// The action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const found = uuid.safeParse(params.council).success
      ? await findCouncilFacts(db(), programme.id, params.council)
      : null;
    if (!found) error(404, 'Not found');
    const values = await readFormFields(request);
    if (!values) return failWith('form', 'The form could not be read. Try again.');
    const parsed = parseFactsForm(values, found.council.role);
    if (!parsed.ok) return failWithErrors(parsed.errors, values);
    const result = await saveCouncilFacts(
      db(),
      locals.user!,
      programme.id,
      params.council,
      parsed.version,
      parsed.input,
      getClientAddress()
    );
    if (result.ok)
      redirect(303, `/programmes/${programme.slug}/checks/facts?saved=${params.council}`);
    if (result.kind === 'gone') error(404, 'This council has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, values);
    return failWith(
      'form',
      'Someone else changed these facts while you were editing them. Nothing you entered has been saved: the form now shows what is saved.',
      {},
      409
    );
  }
};
