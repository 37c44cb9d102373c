import { todayUtc } from '$lib/domain/dates';
import { checksCsv } from '$lib/domain/checks/csv';
import { requireProgramme } from '$lib/server/access';
import { evaluateProgramme } from '$lib/server/checks/readiness';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Every check and every finding as CSV, for the leadership pack or a spreadsheet. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const today = todayUtc();
  const { results, readiness } = await evaluateProgramme(db(), programme, today);
  return new Response(checksCsv(results, readiness, today), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${programme.slug}-readiness-${today}.csv"`,
      'cache-control': 'private, no-store'
    }
  });
};
