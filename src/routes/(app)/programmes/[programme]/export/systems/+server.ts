import { todayUtc } from '$lib/domain/dates';
import { parseSystemFilters } from '$lib/schemas/system-filters';
import { requireProgramme } from '$lib/server/access';
import { db } from '$lib/server/db';
import { exportFormat, systemsExport, tableDownload } from '$lib/server/export';
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
