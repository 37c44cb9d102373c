import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { securityControls } from '../db/schema';
import { nameTaken, type SecurityWriteResult } from './security';

export async function findControl(db: DatabaseOrTransaction, programmeId: string, id: string) {
  const [row] = await db
    .select({
      id: securityControls.id,
      name: securityControls.name,
      description: securityControls.description,
      version: securityControls.version
    })
    .from(securityControls)
    .where(and(eq(securityControls.id, id), eq(securityControls.programmeId, programmeId)));
  return row ?? null;
}

/**
 * Renames a catalogue control or changes its description. Councils' statuses hang off the
 * control's id, so they carry over to the new name untouched.
 */
export async function changeControl(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  id: string,
  expectedVersion: number,
  input: { name: string; description: string | null },
  ip: string | null
): Promise<SecurityWriteResult> {
  return db.transaction(async (tx) => {
    const before = await findControl(tx, programmeId, id);
    if (!before) return { ok: false, kind: 'gone' };
    if (before.version !== expectedVersion) return { ok: false, kind: 'conflict' };
    if (await nameTaken(tx, programmeId, input.name, id)) {
      return {
        ok: false,
        kind: 'invalid',
        field: 'name',
        message: 'The catalogue already has a control with this name'
      };
    }
    await tx
      .update(securityControls)
      .set({ ...input, version: sql`${securityControls.version} + 1` })
      .where(eq(securityControls.id, id));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'security_control',
      entityId: id,
      action: 'security_control_changed',
      before: { name: before.name, description: before.description },
      after: input,
      ipAddress: ip
    });
    return { ok: true };
  });
}
