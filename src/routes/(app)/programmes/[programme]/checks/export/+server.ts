import { todayUtc } from '$lib/domain/dates';
import { checksTable } from '$lib/domain/checks/export';
import { requireProgramme } from '$lib/server/access';
import { cachedReadiness } from '$lib/server/checks/cache';
import { db } from '$lib/server/db';
import { exportFormat, tableDownload } from '$lib/server/export';
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
