import { eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from './db';
import { programmeRevisions } from './db/schema';

/**
 * Raises the programme's revision. Called by `recordAudit`, so it runs in the transaction of
 * every audited change: the new revision becomes visible exactly when the change does, in
 * every server process and on both drivers.
 */
export async function bumpRevision(db: DatabaseOrTransaction, programmeId: string) {
  await db
    .insert(programmeRevisions)
    .values({ programmeId, revision: 1 })
    .onConflictDoUpdate({
      target: programmeRevisions.programmeId,
      set: { revision: sql`${programmeRevisions.revision} + 1` }
    });
}

/** The programme's revision now: 0 before its first audited change. */
export async function readRevision(db: DatabaseOrTransaction, programmeId: string) {
  const [row] = await db
    .select({ revision: programmeRevisions.revision })
    .from(programmeRevisions)
    .where(eq(programmeRevisions.programmeId, programmeId));
  return row?.revision ?? 0;
}
