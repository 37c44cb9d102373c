import { error, json } from '@sveltejs/kit';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { findImportProgress } from '#lib/server/import/progress.ts';
import type { RequestHandler } from './$types';

/**
 * How far the commit of the person's own upload has got, for the page that waits on it
 * (polled by the preview page's script while its form is being sent). Never cached.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
  const programme = await requireProgramme(locals.user, params.programme, 'editor');
  const progress = await findImportProgress(db(), programme.id, locals.user!.id, params.upload);
  if (!progress) error(404, 'This upload was not found.');
  return json(progress, { headers: { 'cache-control': 'no-store' } });
};
