import { and, eq, sql } from 'drizzle-orm';
import type { SystemFields } from '#lib/schemas/system.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { contractSystems, councils, serviceAreas, systems } from '../db/schema';

export type SystemRecord = NonNullable<Awaited<ReturnType<typeof findSystem>>>;

/** One system of a programme with its council's and service area's names; one query. */
export async function findSystem(db: DatabaseOrTransaction, programmeId: string, systemId: string) {
  const [row] = await db
    .select({ system: systems, councilName: councils.name, serviceAreaName: serviceAreas.name })
    .from(systems)
    .innerJoin(councils, eq(councils.id, systems.councilId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, systems.serviceAreaId))
    .where(and(eq(systems.id, systemId), eq(systems.programmeId, programmeId)));
  return row
    ? { ...row.system, councilName: row.councilName, serviceAreaName: row.serviceAreaName }
    : null;
}

type Snapshot = SystemFields;

const snapshot = (s: typeof systems.$inferSelect): Snapshot => ({
  councilId: s.councilId,
  serviceAreaId: s.serviceAreaId,
  name: s.name,
  product: s.product,
  vendor: s.vendor,
  hosting: s.hosting,
  users: s.users,
  annualCostPence: s.annualCostPence,
  lifecycle: s.lifecycle,
  timeDisposition: s.timeDisposition,
  dayOneCritical: s.dayOneCritical
});

export type SystemWriteResult =
  | { ok: true; id: string }
  | { ok: false; kind: 'invalid'; field: string; message: string }
  | { ok: false; kind: 'conflict'; current: Snapshot & { version: number } }
  | { ok: false; kind: 'gone' };

export type SystemCreateResult = Extract<SystemWriteResult, { ok: true } | { kind: 'invalid' }>;

const conflict = (row: typeof systems.$inferSelect) => ({
  ok: false as const,
  kind: 'conflict' as const,
  current: { ...snapshot(row), version: row.version }
});
const gone = { ok: false as const, kind: 'gone' as const };

async function currentRow(tx: DatabaseOrTransaction, programmeId: string, systemId: string) {
  const [row] = await tx
    .select()
    .from(systems)
    .where(and(eq(systems.id, systemId), eq(systems.programmeId, programmeId)));
  return row ?? null;
}

/** The council and service area must be this programme's: ids in a form can be anything. */
async function referencesProblem(
  tx: DatabaseOrTransaction,
  programmeId: string,
  input: Pick<Snapshot, 'councilId' | 'serviceAreaId'>
) {
  const [council] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.id, input.councilId), eq(councils.programmeId, programmeId)));
  if (!council) {
    return {
      ok: false as const,
      kind: 'invalid' as const,
      field: 'councilId',
      message: 'Choose a council from this programme'
    };
  }
  if (input.serviceAreaId === null) return null;
  const [area] = await tx
    .select({ id: serviceAreas.id })
    .from(serviceAreas)
    .where(
      and(eq(serviceAreas.id, input.serviceAreaId), eq(serviceAreas.programmeId, programmeId))
    );
  return area
    ? null
    : {
        ok: false as const,
        kind: 'invalid' as const,
        field: 'serviceAreaId',
        message: 'Choose a service area from this programme'
      };
}

/** Adds a system and its audit event in one transaction. */
export async function createSystem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: SystemFields,
  ipAddress: string | null
): Promise<SystemCreateResult> {
  return db.transaction(async (tx) => {
    const problem = await referencesProblem(tx, programmeId, input);
    if (problem) return problem;
    const [row] = await tx
      .insert(systems)
      .values({ ...input, programmeId })
      .returning();
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'system',
      entityId: row!.id,
      action: 'system_created',
      after: snapshot(row!),
      ipAddress
    });
    return { ok: true as const, id: row!.id };
  });
}

/**
 * Updates a system if nobody else has since the form was loaded (its version still matches),
 * with an audit event holding before and after, in one transaction.
 */
export async function updateSystem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  systemId: string,
  expectedVersion: number,
  input: SystemFields,
  ipAddress: string | null
): Promise<SystemWriteResult> {
  return db.transaction(async (tx) => {
    const before = await currentRow(tx, programmeId, systemId);
    if (!before) return gone;
    if (before.version !== expectedVersion) return conflict(before);
    const problem = await referencesProblem(tx, programmeId, input);
    if (problem) return problem;
    const updated = await tx
      .update(systems)
      .set({ ...input, updatedAt: new Date(), version: sql`${systems.version} + 1` })
      .where(and(eq(systems.id, systemId), eq(systems.version, expectedVersion)))
      .returning();
    if (updated.length === 0) {
      const current = await currentRow(tx, programmeId, systemId);
      return current ? conflict(current) : gone;
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'system',
      entityId: systemId,
      action: 'system_updated',
      before: snapshot(before),
      after: snapshot(updated[0]!),
      ipAddress
    });
    return { ok: true as const, id: systemId };
  });
}

/**
 * Everything needed to put a deleted system back as it was: the whole row, and the contracts
 * it was linked to (those links go with it). Stored as the delete event's `before`.
 */
export type SystemSnapshot = Omit<typeof systems.$inferSelect, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
  contractIds: string[];
};

export type SystemDeleteResult =
  | { ok: true; snapshot: SystemSnapshot }
  | { ok: false; kind: 'conflict'; current: Snapshot & { version: number } }
  | { ok: false; kind: 'gone' };

/** Deletes a system only at the version the person saw, recording its full snapshot. */
export async function deleteSystem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  systemId: string,
  expectedVersion: number,
  ipAddress: string | null
): Promise<SystemDeleteResult> {
  return db.transaction(async (tx) => {
    const before = await currentRow(tx, programmeId, systemId);
    if (!before) return gone;
    if (before.version !== expectedVersion) return conflict(before);
    const links = await tx
      .select({ contractId: contractSystems.contractId })
      .from(contractSystems)
      .where(eq(contractSystems.systemId, systemId));
    const deleted = await tx
      .delete(systems)
      .where(and(eq(systems.id, systemId), eq(systems.version, expectedVersion)))
      .returning();
    if (deleted.length === 0) {
      const current = await currentRow(tx, programmeId, systemId);
      return current ? conflict(current) : gone;
    }
    const row = deleted[0]!;
    const full: SystemSnapshot = {
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      contractIds: links.map((l) => l.contractId).sort()
    };
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'system',
      entityId: systemId,
      action: 'system_deleted',
      before: full,
      ipAddress
    });
    return { ok: true as const, snapshot: full };
  });
}
