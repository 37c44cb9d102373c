import { fail, redirect } from '@sveltejs/kit';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { commitImport, previewImport } from '#lib/server/import/commit.ts';
import { loadPendingImport } from '#lib/server/import/load.ts';
import type { Actions, PageServerLoad } from './$types';

/** Step 3: the first rows as they will be stored, every invalid row with its reasons, the counts. */
export const load: PageServerLoad = async ({ parent, params, locals }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const pending = await loadPendingImport(
    db(),
    programme,
    locals.user!.id,
    params.upload,
    'before-commit'
  );
  return {
    upload: {
      id: pending.id,
      kind: pending.kind,
      fileName: pending.fileName,
      councilName: pending.councilName,
      rowCount: pending.rowCount
    },
    preview: await previewImport(db(), pending)
  };
};

export const actions: Actions = {
  default: async ({ params, locals, getClientAddress }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const pending = await loadPendingImport(
      db(),
      programme,
      locals.user!.id,
      params.upload,
      'before-commit'
    );
    const result = await commitImport(db(), locals.user!, pending, getClientAddress());
    const done = `/programmes/${programme.slug}/import/${pending.id}/result`;
    if (result.ok || result.reason === 'committed') redirect(303, done);
    if (result.reason === 'mapping') {
      return fail(400, {
        errors: { form: `Nothing was imported: ${result.problems[0]}` },
        values: {}
      });
    }
    return fail(400, {
      errors: {
        form: `Nothing was imported: ${result.invalidRows.toLocaleString('en-GB')} ${result.invalidRows === 1 ? 'row needs' : 'rows need'} fixing first. Correct the file and upload it again, or change the columns.`
      },
      values: {}
    });
  }
};
