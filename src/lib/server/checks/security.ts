import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { STANDARD_SECURITY_CONTROLS } from '#lib/domain/checks/standard-controls.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction, Transaction } from '../db';
import { councils, councilSecurityControls, securityControls } from '../db/schema';

export type ControlStatusValue = 'met' | 'in_progress' | 'not_met' | 'not_applicable';

export type SecurityWriteResult =
  | { ok: true }
  | { ok: false; kind: 'conflict' | 'gone' }
  | { ok: false; kind: 'invalid'; field: string; message: string };

/** The catalogue and, per council, how many controls are recorded: three queries. */
export async function securityOverview(db: DatabaseOrTransaction, programmeId: string) {
  const [controls, councilRows, recorded] = await Promise.all([
    listControls(db, programmeId),
    db
      .select({ id: councils.id, name: councils.name, role: councils.role })
      .from(councils)
      .where(eq(councils.programmeId, programmeId))
      .orderBy(sql`${councils.role} desc`, asc(councils.name)),
    db
      .select({ councilId: councilSecurityControls.councilId, n: count() })
      .from(councilSecurityControls)
      .where(eq(councilSecurityControls.programmeId, programmeId))
      .groupBy(councilSecurityControls.councilId)
  ]);
  const by = new Map(recorded.map((r) => [r.councilId, r.n]));
  return {
    controls,
    councils: councilRows.map((c) => ({ ...c, recorded: by.get(c.id) ?? 0 }))
  };
}

export function listControls(db: DatabaseOrTransaction, programmeId: string) {
  return db
    .select()
    .from(securityControls)
    .where(eq(securityControls.programmeId, programmeId))
    .orderBy(asc(securityControls.position), asc(securityControls.name));
}

/** Inside programme creation (or for a programme whose catalogue is empty). */
export async function insertStandardControls(tx: DatabaseOrTransaction, programmeId: string) {
  await tx
    .insert(securityControls)
    .values(STANDARD_SECURITY_CONTROLS.map((c, position) => ({ programmeId, position, ...c })));
}

export async function addStandardControls(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  ip: string | null
): Promise<SecurityWriteResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(securityControls)
      .where(eq(securityControls.programmeId, programmeId));
    if ((row?.n ?? 0) > 0) {
      return {
        ok: false,
        kind: 'invalid',
        field: 'form',
        message: 'The catalogue already has controls: add the ones you need one by one'
      };
    }
    await insertStandardControls(tx, programmeId);
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'security_control',
      action: 'security_controls_standard_added',
      after: STANDARD_SECURITY_CONTROLS.map((c) => c.name),
      ipAddress: ip
    });
    return { ok: true };
  });
}

/** Names are unique in a catalogue whatever their case; `exceptId` is the control being renamed. */
export async function nameTaken(
  tx: Transaction,
  programmeId: string,
  name: string,
  exceptId?: string
) {
  const [row] = await tx
    .select({ id: securityControls.id })
    .from(securityControls)
    .where(
      and(
        eq(securityControls.programmeId, programmeId),
        sql`lower(${securityControls.name}) = lower(${name})`,
        exceptId ? ne(securityControls.id, exceptId) : undefined
      )
    );
  return !!row;
}

export async function addControl(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: { name: string; description: string | null },
  ip: string | null
): Promise<SecurityWriteResult> {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, programmeId, input.name)) {
      return {
        ok: false,
        kind: 'invalid',
        field: 'name',
        message: 'The catalogue already has a control with this name'
      };
    }
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${securityControls.position}), -1)` })
      .from(securityControls)
      .where(eq(securityControls.programmeId, programmeId));
    const [row] = await tx
      .insert(securityControls)
      .values({ programmeId, position: Number(last?.max ?? -1) + 1, ...input })
      .returning({ id: securityControls.id });
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'security_control',
      entityId: row!.id,
      action: 'security_control_added',
      after: input,
      ipAddress: ip
    });
    return { ok: true };
  });
}

/** Removing a control removes every council's status for it (the audit event keeps them). */
export async function removeControl(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  id: string,
  expectedVersion: number,
  ip: string | null
): Promise<SecurityWriteResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(securityControls)
      .where(and(eq(securityControls.id, id), eq(securityControls.programmeId, programmeId)));
    if (!before) return { ok: false, kind: 'gone' };
    if (before.version !== expectedVersion) return { ok: false, kind: 'conflict' };
    const statuses = await tx
      .select()
      .from(councilSecurityControls)
      .where(eq(councilSecurityControls.controlId, id));
    await tx.delete(securityControls).where(eq(securityControls.id, id));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'security_control',
      entityId: id,
      action: 'security_control_removed',
      before: { ...before, statuses },
      ipAddress: ip
    });
    return { ok: true };
  });
}

/** One council's row per catalogue control (status null when not recorded): two queries. */
export async function councilControls(
  db: DatabaseOrTransaction,
  programmeId: string,
  councilId: string
) {
  const [controls, records] = await Promise.all([
    listControls(db, programmeId),
    db
      .select()
      .from(councilSecurityControls)
      .where(eq(councilSecurityControls.councilId, councilId))
  ]);
  const by = new Map(records.map((r) => [r.controlId, r]));
  return controls.map((c) => {
    const r = by.get(c.id);
    return {
      control: c,
      status: r?.status ?? null,
      evidence: r?.evidence ?? null,
      expiryDate: r?.expiryDate ?? null,
      version: r?.version ?? 0
    };
  });
}

export interface ControlRecordInput {
  controlId: string;
  status: ControlStatusValue | null;
  evidence: string | null;
  expiryDate: IsoDate | null;
  version: number;
}

/**
 * Saves a council's statuses for the whole catalogue at once. Every row's version must match
 * what the form showed (0 for "not recorded"), or nothing is saved. A blank status removes
 * the record: the control becomes "not known" again.
 */
export async function saveCouncilControls(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  councilId: string,
  rows: ControlRecordInput[],
  ip: string | null
): Promise<SecurityWriteResult> {
  return db.transaction(async (tx) => {
    const [council] = await tx
      .select({ id: councils.id })
      .from(councils)
      .where(and(eq(councils.id, councilId), eq(councils.programmeId, programmeId)));
    if (!council) return { ok: false, kind: 'gone' };
    const current = await councilControls(tx, programmeId, councilId);
    const byId = new Map(current.map((c) => [c.control.id, c]));
    if (rows.some((r) => !byId.has(r.controlId)) || rows.length !== current.length) {
      return { ok: false, kind: 'conflict' };
    }
    if (rows.some((r) => byId.get(r.controlId)!.version !== r.version)) {
      return { ok: false, kind: 'conflict' };
    }
    for (const r of rows) {
      const was = byId.get(r.controlId)!;
      if (r.status === null) {
        if (was.version > 0) {
          await tx
            .delete(councilSecurityControls)
            .where(
              and(
                eq(councilSecurityControls.councilId, councilId),
                eq(councilSecurityControls.controlId, r.controlId)
              )
            );
        }
        continue;
      }
      const values = { status: r.status, evidence: r.evidence, expiryDate: r.expiryDate };
      const unchanged =
        was.status === r.status && was.evidence === r.evidence && was.expiryDate === r.expiryDate;
      if (unchanged) continue;
      if (was.version === 0) {
        await tx
          .insert(councilSecurityControls)
          .values({ councilId, controlId: r.controlId, programmeId, ...values });
      } else {
        await tx
          .update(councilSecurityControls)
          .set({
            ...values,
            updatedAt: new Date(),
            version: sql`${councilSecurityControls.version} + 1`
          })
          .where(
            and(
              eq(councilSecurityControls.councilId, councilId),
              eq(councilSecurityControls.controlId, r.controlId)
            )
          );
      }
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'council_security_controls',
      entityId: councilId,
      action: 'security_controls_saved',
      before: current.map((c) => ({
        control: c.control.name,
        status: c.status,
        evidence: c.evidence,
        expiryDate: c.expiryDate
      })),
      after: rows.map((r) => ({
        control: byId.get(r.controlId)!.control.name,
        status: r.status,
        evidence: r.evidence,
        expiryDate: r.expiryDate
      })),
      ipAddress: ip
    });
    return { ok: true };
  });
}
