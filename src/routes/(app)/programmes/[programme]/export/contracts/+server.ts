import { todayUtc } from '#lib/domain/dates.ts';
import { parseContractFilters } from '#lib/schemas/contract-filters.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { contractsExport, exportFormat, tableDownload } from '#lib/server/export/index.ts';
import type { RequestHandler } from './$types';

/** The contracts list as a file, with the list's filters and order: any member may download it. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const today = todayUtc();
  const table = await contractsExport(db(), programme.id, parseContractFilters(url.searchParams), {
    today,
    vestingDate: programme.vestingDate
  });
  return tableDownload(
    table,
    exportFormat(url.searchParams),
    `${programme.slug}-contracts-${today}`
  );
};
