import { redirect } from '@sveltejs/kit';
import { checkSettingsSchema } from '#lib/schemas/checks.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { findCheckSettings, saveCheckSettings } from '#lib/server/checks/settings.ts';
import { db } from '#lib/server/db/index.ts';
import { failWith, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  return await findCheckSettings(db(), programme.id);
};

// The action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const parsed = await parseForm(request, checkSettingsSchema);
    if (!parsed.ok) return parsed.failure;
    const { version, ...input } = parsed.data;
    const result = await saveCheckSettings(
      db(),
      locals.user!,
      programme.id,
      version,
      input,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/checks`);
    return failWith(
      'form',
      'Someone else changed the thresholds while you were editing them. Nothing you entered has been saved: the form now shows what is saved.',
      {},
      409
    );
  }
};
