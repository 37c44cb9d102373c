import { fail, redirect } from '@sveltejs/kit';
import { fieldLabels, fieldsOf } from '#lib/domain/import/kinds.ts';
import { cellText } from '#lib/domain/import/cells.ts';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { loadPendingImport } from '#lib/server/import/load.ts';
import { readStoredRows, saveMapping } from '#lib/server/import/pending.ts';
import { readFormData } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const EXAMPLE_ROWS = 1_000;

/** Step 2: the proposed mapping, one select per column, with the first values as a reminder. */
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
  const labels = fieldLabels(pending.kind);
  // Examples come from the first rows: enough to recognise a column, cheap to read.
  const firstRows = await readStoredRows(db(), pending.id, 0, EXAMPLE_ROWS);
  return {
    upload: {
      id: pending.id,
      kind: pending.kind,
      fileName: pending.fileName,
      councilName: pending.councilName,
      source: pending.source,
      rowCount: pending.rowCount
    },
    columns: pending.headers.map((header, i) => ({
      header,
      field: pending.mapping[i] ?? null,
      examples: firstRows
        .map((r) => cellText(r.c[i] ?? null))
        .filter((v) => v !== '')
        .slice(0, 3)
        .map((v) => (v.length > 60 ? `${v.slice(0, 60)}…` : v))
    })),
    fields: fieldsOf(pending.kind).map((f) => ({ value: f, label: labels[f] ?? f }))
  };
};

export const actions: Actions = {
  default: async ({ request, params, locals }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    const pending = await loadPendingImport(
      db(),
      programme,
      locals.user!.id,
      params.upload,
      'before-commit'
    );
    const data = await readFormData(request);
    if (!data)
      return fail(400, { errors: { form: 'The form could not be read. Try again.' }, values: {} });
    const chosen = pending.headers.map((_, i) => {
      const value = data.get(`column-${i}`);
      return typeof value === 'string' && value !== '' ? value : null;
    });
    const problems = await saveMapping(db(), pending, chosen);
    if (problems.length > 0) {
      const values = Object.fromEntries(chosen.map((f, i) => [`column-${i}`, f ?? '']));
      return fail(400, {
        errors: Object.fromEntries(problems.map((p, i) => [i === 0 ? 'form' : `form-${i}`, p])),
        values
      });
    }
    redirect(303, `/programmes/${programme.slug}/import/${pending.id}/preview`);
  }
};
