import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { savingsLines } from '../db/schema';

export interface SavingsLineInput {
  programmeYear: number;
  category: 'digital' | 'other';
  description: string;
  amountPence: number;
}

export function listSavings(db: DatabaseOrTransaction, programmeId: string) {
  return db
    .select()
    .from(savingsLines)
    .where(eq(savingsLines.programmeId, programmeId))
    .orderBy(
      asc(savingsLines.programmeYear),
      asc(savingsLines.category),
      asc(savingsLines.description)
    );
}

export async function addSavingsLine(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: SavingsLineInput,
  ip: string | null
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savingsLines)
      .values({ programmeId, ...input })
      .returning({ id: savingsLines.id });
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'savings_line',
      entityId: row!.id,
      action: 'savings_line_added',
      after: input,
      ipAddress: ip
    });
  });
}

export async function removeSavingsLine(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  id: string,
  expectedVersion: number,
  ip: string | null
): Promise<{ ok: true } | { ok: false; kind: 'gone' | 'conflict' }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(savingsLines)
      .where(and(eq(savingsLines.id, id), eq(savingsLines.programmeId, programmeId)));
    if (!before) return { ok: false, kind: 'gone' };
    if (before.version !== expectedVersion) return { ok: false, kind: 'conflict' };
    await tx.delete(savingsLines).where(eq(savingsLines.id, id));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'savings_line',
      entityId: id,
      action: 'savings_line_removed',
      before,
      ipAddress: ip
    });
    return { ok: true };
  });
}
