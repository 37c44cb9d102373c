import { requireRole } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { loadPendingImport } from '#lib/server/import/load.ts';
import type { PageServerLoad } from './$types';

/** Step 4: what the import did. */
export const load: PageServerLoad = async ({ parent, params, locals }) => {
  const { programme } = await parent();
  requireRole(programme, 'editor');
  const pending = await loadPendingImport(
    db(),
    programme,
    locals.user!.id,
    params.upload,
    'result'
  );
  return {
    upload: {
      kind: pending.kind,
      fileName: pending.fileName,
      councilName: pending.councilName,
      sha256: pending.fileSha256
    },
    counts: pending.result!
  };
};
