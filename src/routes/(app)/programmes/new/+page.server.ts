import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '#lib/server/forms.ts';
import type { Actions } from './$types';

const choice = z.object({
  method: z.enum(['blank', 'county', 'example', 'restore'], {
    error: 'Choose how to start the programme'
  })
});

export const actions: Actions = {
  default: async ({ request }) => {
    const parsed = await parseForm(request, choice);
    if (!parsed.ok) return parsed.failure;
    redirect(303, `/programmes/new/${parsed.data.method}`);
  }
};
