import { db } from '#lib/server/db/index.ts';
import { listProgrammesForUser } from '#lib/server/db/queries/programmes.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  programmes: await listProgrammesForUser(db(), locals.user!.id)
});
