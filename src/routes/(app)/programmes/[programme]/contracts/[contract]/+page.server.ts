import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { contractFormValues } from '#lib/contract-form-values.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, readFormData } from '#lib/server/forms.ts';
import { parseContractForm } from '#lib/server/contracts/form.ts';
import { contractFormOptions, findContract } from '#lib/server/contracts/queries.ts';
import { updateContract } from '#lib/server/contracts/writes.ts';
import { listThreads } from '#lib/server/review/index.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  const contract = uuid.safeParse(params.contract).success
    ? await findContract(db(), programme.id, params.contract)
    : null;
  if (!contract) error(404, 'Not found');
  const [options, threads] = await Promise.all([
    contractFormOptions(db(), programme.id),
    listThreads(db(), programme.id, { kind: 'contract', id: contract.id })
  ]);
  return { contract, ...options, threads };
};

export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    if (!uuid.safeParse(params.contract).success) error(404, 'Not found');
    const data = await readFormData(request);
    if (!data) return failWith('form', 'The form could not be read. Try again.');
    const parsed = parseContractForm(data);
    if (!parsed.ok) return failWithErrors(parsed.errors, parsed.values);
    if (parsed.version === undefined)
      return failWith('form', 'The form is out of date: reload the page', parsed.values);
    const result = await updateContract(
      db(),
      locals.user!,
      programme.id,
      params.contract,
      parsed.version,
      parsed.input,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/contracts/${result.id}?saved=1`);
    if (result.kind === 'gone') error(404, 'This contract has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, parsed.values);
    return fail(409, {
      conflict: { yours: parsed.values, theirs: contractFormValues(result.current) },
      errors: {},
      values: {}
    });
  }
};
