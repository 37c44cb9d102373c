import { count, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { contracts, systems } from '../db/schema';

/** How many contracts and systems the Export page offers: two queries. */
export async function exportCounts(db: DatabaseOrTransaction, programmeId: string) {
  const [[contractCount], [systemCount]] = await Promise.all([
    db.select({ n: count() }).from(contracts).where(eq(contracts.programmeId, programmeId)),
    db.select({ n: count() }).from(systems).where(eq(systems.programmeId, programmeId))
  ]);
  return { contractCount: contractCount?.n ?? 0, systemCount: systemCount?.n ?? 0 };
}
