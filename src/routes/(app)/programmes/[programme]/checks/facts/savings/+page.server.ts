import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { parsePounds } from '#lib/domain/money.ts';
import { fieldErrors } from '#lib/schemas/form.ts';
import { savingsLineSchema } from '#lib/schemas/checks.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { addSavingsLine, listSavings, removeSavingsLine } from '#lib/server/checks/savings.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, parseForm, readFormFields } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  return { lines: await listSavings(db(), programme.id) };
};

const removeSchema = z.object({
  lineId: z.uuid({ error: 'Choose a line' }),
  version: z.coerce.number().int().min(1)
});

// Each action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  add: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const values = await readFormFields(request);
    if (!values) return failWith('form', 'The form could not be read. Try again.');
    const errors: Record<string, string> = {};
    const parsed = savingsLineSchema.safeParse(values);
    if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
    const amount = parsePounds(values.amount ?? '', 'Amount');
    if (!amount.ok) errors.amount = amount.message;
    else if (amount.pence === null) errors.amount = 'Enter the amount saved in the year';
    if (!parsed.success || !amount.ok || amount.pence === null)
      return failWithErrors(errors, values);
    await addSavingsLine(
      db(),
      locals.user!,
      programme.id,
      { ...parsed.data, amountPence: amount.pence },
      getClientAddress()
    );
    return { done: 'added' };
  },
  remove: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, removeSchema);
    if (!parsed.ok) return failWith('form', 'The line could not be removed: reload the page');
    const result = await removeSavingsLine(
      db(),
      locals.user!,
      programme.id,
      parsed.data.lineId,
      parsed.data.version,
      getClientAddress()
    );
    if (result.ok) return { done: 'removed' };
    if (result.kind === 'gone') error(404, 'This line has already been removed');
    return failWith(
      'form',
      'Someone else changed this line: nothing was removed. The list now shows what is saved.',
      {},
      409
    );
  }
};
