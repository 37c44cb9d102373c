import { error } from '@sveltejs/kit';
import { CHECK_IDS } from '#lib/domain/checks/index.ts';
import { todayUtc } from '#lib/domain/dates.ts';
import { cachedReadiness } from '#lib/server/checks/cache.ts';
import { db } from '#lib/server/db/index.ts';
import { listThreads } from '#lib/server/review/index.ts';
import type { PageServerLoad } from './$types';

/** Findings shown per page: a big programme can have thousands. */
const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ parent, params, url }) => {
  const { programme } = await parent();
  if (!(CHECK_IDS as readonly string[]).includes(params.check)) error(404, 'Not found');
  const today = todayUtc();
  const [{ results }, threads] = await Promise.all([
    cachedReadiness(db(), programme, today),
    listThreads(db(), programme.id, { kind: 'check', id: params.check })
  ]);
  const result = results.find((r) => r.id === params.check)!;
  const pages = Math.max(1, Math.ceil(result.findings.length / PAGE_SIZE));
  const pageNumber = Math.min(pages, Math.max(1, Number(url.searchParams.get('page')) || 1));
  return {
    result: {
      ...result,
      findings: result.findings.slice((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE)
    },
    findingCount: result.findings.length,
    pageNumber,
    pages,
    today,
    threads
  };
};
