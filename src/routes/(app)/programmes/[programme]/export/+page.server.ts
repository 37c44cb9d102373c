import { count, eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { contracts, systems } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { programme } = await parent();
  const [[contractCount], [systemCount]] = await Promise.all([
    db().select({ n: count() }).from(contracts).where(eq(contracts.programmeId, programme.id)),
    db().select({ n: count() }).from(systems).where(eq(systems.programmeId, programme.id))
  ]);
  return { contractCount: contractCount?.n ?? 0, systemCount: systemCount?.n ?? 0 };
};
