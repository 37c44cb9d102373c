import { todayUtc } from '#lib/domain/dates.ts';
import { parseSystemFilters } from '#lib/schemas/system-filters.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { exportFormat, systemsExport, tableDownload } from '#lib/server/export/index.ts';
import type { RequestHandler } from './$types';

/** The systems list as a file, with the list's filters and order: any member may download it. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const table = await systemsExport(db(), programme.id, parseSystemFilters(url.searchParams));
  return tableDownload(
    table,
    exportFormat(url.searchParams),
    `${programme.slug}-systems-${todayUtc()}`
  );
};
