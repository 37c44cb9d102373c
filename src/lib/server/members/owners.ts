import { and, count, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { programmeMembers } from '../db/schema';

/** How many owners the programme has: it must keep at least one. */
export async function ownerCount(tx: DatabaseOrTransaction, programmeId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.role, 'owner')));
  return row?.n ?? 0;
}
