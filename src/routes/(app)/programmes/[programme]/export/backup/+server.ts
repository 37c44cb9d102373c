import { todayUtc } from '#lib/domain/dates.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { downloadResponse, programmeBackupText } from '#lib/server/export/index.ts';
import type { RequestHandler } from './$types';

/**
 * The whole programme as one JSON file. Owners only: it is the programme's full copy, and
 * restoring it makes a new programme (its file name carries the date; the file itself does not,
 * so two backups of an unchanged programme are identical).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const programme = await requireProgramme(locals.user, params.programme, 'owner');
  const text = await programmeBackupText(db(), programme.id);
  return downloadResponse(
    text,
    `${programme.slug}-backup-${todayUtc()}.json`,
    'application/json; charset=utf-8'
  );
};
