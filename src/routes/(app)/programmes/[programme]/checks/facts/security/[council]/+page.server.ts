import { error, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { councilControls, saveCouncilControls } from '#lib/server/checks/security.ts';
import { parseSecurityForm } from '#lib/server/checks/security-form.ts';
import { db } from '#lib/server/db/index.ts';
import { councils } from '#lib/server/db/schema/index.ts';
import { failWith, failWithErrors, readFormFields } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

async function findCouncil(programmeId: string, id: string) {
  if (!uuid.safeParse(id).success) return null;
  const [council] = await db()
    .select({ id: councils.id, name: councils.name, role: councils.role })
    .from(councils)
    .where(and(eq(councils.id, id), eq(councils.programmeId, programmeId)));
  return council ?? null;
}

export const load: PageServerLoad = async ({ parent, params }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const council = await findCouncil(programme.id, params.council);
  if (!council) error(404, 'Not found');
  return { council, rows: await councilControls(db(), programme.id, council.id) };
};

// The action checks the role itself: form actions do not run layout loads.
export const actions: Actions = {
  default: async ({ request, params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const council = await findCouncil(programme.id, params.council);
    if (!council) error(404, 'Not found');
    const values = await readFormFields(request);
    if (!values) return failWith('form', 'The form could not be read. Try again.');
    const current = await councilControls(db(), programme.id, council.id);
    const parsed = parseSecurityForm(
      values,
      current.map((r) => r.control)
    );
    if (!parsed.ok) return failWithErrors(parsed.errors, values);
    const result = await saveCouncilControls(
      db(),
      locals.user!,
      programme.id,
      council.id,
      parsed.rows,
      getClientAddress()
    );
    if (result.ok) redirect(303, `/programmes/${programme.slug}/checks/facts/security?saved=1`);
    if (result.kind === 'gone') error(404, 'This council has been deleted');
    if (result.kind === 'invalid') return failWith(result.field, result.message, values);
    return failWith(
      'form',
      'Someone else changed these controls (or the catalogue) while you were editing. Nothing you entered has been saved: the form now shows what is saved.',
      {},
      409
    );
  }
};
