import { fail, redirect } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { requireProgramme, requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { councils } from '#lib/server/db/schema/index.ts';
import { handleUpload, unreadableUpload } from '#lib/server/import/upload.ts';
import { MAX_UPLOAD_BYTES } from '#lib/server/import/read-file.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const list = await db()
    .select({ id: councils.id, name: councils.name, role: councils.role })
    .from(councils)
    .where(eq(councils.programmeId, programme.id))
    .orderBy(asc(councils.name));
  return { councils: list, maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024 };
};

export const actions: Actions = {
  default: async ({ request, params, locals }) => {
    const programme = await requireProgramme(locals.user, params.programme, 'editor');
    let data: FormData;
    try {
      data = await request.formData();
    } catch (error) {
      const { status, errors, values } = unreadableUpload(error);
      return fail(status, { errors, values });
    }
    const outcome = await handleUpload(db(), programme.id, locals.user!.id, data);
    if (!outcome.ok) {
      return fail(outcome.status, { errors: outcome.errors, values: outcome.values });
    }
    redirect(303, `/programmes/${programme.slug}/import/${outcome.id}`);
  }
};
