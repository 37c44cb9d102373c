import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { councils } from '../db/schema';
import { findPendingImport, type PendingImport } from './pending';

const GONE =
  'This upload was not found. Uploads are kept for 24 hours and only for the person who made them: upload the file again.';

/**
 * The person's own upload for an import page, or a 404 that says what to do. `stage` sends a
 * committed upload to its result, and a result page back to the preview when not committed.
 */
export async function loadPendingImport(
  db: DatabaseOrTransaction,
  programme: { id: string; slug: string },
  userId: string,
  id: string,
  stage: 'before-commit' | 'result'
): Promise<PendingImport & { councilName: string }> {
  const pending = await findPendingImport(db, programme.id, userId, id);
  if (!pending) error(404, GONE);
  const base = `/programmes/${programme.slug}/import/${pending.id}`;
  if (stage === 'before-commit' && pending.committedAt && pending.result)
    redirect(303, `${base}/result`);
  if (stage === 'result' && !pending.result) redirect(303, `${base}/preview`);
  const [council] = await db
    .select({ name: councils.name })
    .from(councils)
    .where(eq(councils.id, pending.councilId));
  return { ...pending, councilName: council?.name ?? '' };
}
