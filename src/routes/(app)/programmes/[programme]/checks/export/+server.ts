import { todayUtc } from '#lib/domain/dates.ts';
import { checksTable } from '#lib/domain/checks/export.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { cachedReadiness } from '#lib/server/checks/cache.ts';
import { db } from '#lib/server/db/index.ts';
import { exportFormat, tableDownload } from '#lib/server/export/index.ts';
import type { RequestHandler } from './$types';

/** Every check and every finding as CSV or Excel (?format=xlsx), for the leadership pack. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const today = todayUtc();
  const { results, readiness } = await cachedReadiness(db(), programme, today);
  return tableDownload(
    checksTable(results, readiness, today),
    exportFormat(url.searchParams),
    `${programme.slug}-readiness-${today}`
  );
};
