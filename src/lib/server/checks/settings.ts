import { eq, sql } from 'drizzle-orm';
import type { CheckSettings } from '#lib/domain/checks/index.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { checkSettings } from '../db/schema';
import { settingsFrom } from './snapshot';

/** The thresholds with their version (0 while the programme uses the defaults). */
export async function findCheckSettings(db: DatabaseOrTransaction, programmeId: string) {
  const [row] = await db
    .select()
    .from(checkSettings)
    .where(eq(checkSettings.programmeId, programmeId));
  return { settings: settingsFrom(row), version: row?.version ?? 0 };
}

export async function saveCheckSettings(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  expectedVersion: number,
  input: CheckSettings,
  ip: string | null
): Promise<{ ok: true } | { ok: false; kind: 'conflict' }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(checkSettings)
      .where(eq(checkSettings.programmeId, programmeId));
    if ((before?.version ?? 0) !== expectedVersion) return { ok: false, kind: 'conflict' };
    if (before) {
      await tx
        .update(checkSettings)
        .set({ ...input, updatedAt: new Date(), version: sql`${checkSettings.version} + 1` })
        .where(eq(checkSettings.programmeId, programmeId));
    } else {
      await tx.insert(checkSettings).values({ programmeId, ...input });
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'check_settings',
      entityId: programmeId,
      action: 'check_settings_saved',
      before: settingsFrom(before),
      after: input,
      ipAddress: ip
    });
    return { ok: true };
  });
}
