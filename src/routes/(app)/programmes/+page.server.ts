import { db } from '$lib/server/db';
import { listProgrammesForUser } from '$lib/server/db/queries/programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  programmes: await listProgrammesForUser(db(), locals.user!.id)
});
