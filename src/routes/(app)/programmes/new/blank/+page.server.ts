import { redirect } from '@sveltejs/kit';
import { fieldErrors } from '#lib/schemas/form.ts';
import { parseVestingDate, programmeDetailsSchema } from '#lib/schemas/programme.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, failWithErrors, readFormFields } from '#lib/server/forms.ts';
import { createProgramme } from '#lib/server/programmes/create.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const fields = await readFormFields(request);
    if (!fields) return failWith('form', 'The form could not be read. Try again.');
    const details = programmeDetailsSchema.safeParse(fields);
    const vesting = parseVestingDate(fields);
    if (!details.success || !vesting.ok) {
      return failWithErrors(
        {
          ...(details.success ? {} : fieldErrors(details.error)),
          ...(vesting.ok ? {} : { vestingDate: vesting.message })
        },
        fields
      );
    }
    const created = await createProgramme(
      db(),
      locals.user!,
      { ...details.data, vestingDate: vesting.date, councils: [], links: [], source: 'blank' },
      getClientAddress()
    );
    redirect(303, `/programmes/${created.slug}`);
  }
};
