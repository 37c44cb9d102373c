import { todayUtc } from '#lib/domain/dates.ts';
import { db } from '#lib/server/db/index.ts';
import { cachedSystemsMatrix, matrixPage } from '#lib/server/systems/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { programme } = await parent();
  const matrix = await cachedSystemsMatrix(db(), programme, todayUtc());
  // A bad or missing page number is page 1, never an error: the URL is shareable.
  return { matrix: matrixPage(matrix, Number(url.searchParams.get('page')) || 1), fullWidth: true };
};
