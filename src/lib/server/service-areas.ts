import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { ServiceAreaInput } from '#lib/schemas/service-area.ts';
import { recordAudit } from './audit';
import type { SessionUser } from './auth/sessions';
import type { Database, DatabaseOrTransaction, Transaction } from './db';
import { serviceAreas, systems } from './db/schema';

export type AreaWriteResult =
  | { ok: true }
  | { ok: false; kind: 'invalid'; field: string; message: string }
  | { ok: false; kind: 'conflict' }
  | { ok: false; kind: 'gone' };

/** The programme's service areas with how many systems each has: two queries. */
export async function listServiceAreas(db: DatabaseOrTransaction, programmeId: string) {
  const [areas, counts] = await Promise.all([
    db
      .select()
      .from(serviceAreas)
      .where(eq(serviceAreas.programmeId, programmeId))
      .orderBy(asc(serviceAreas.category), asc(serviceAreas.priority), asc(serviceAreas.name)),
    db
      .select({ id: systems.serviceAreaId, n: count() })
      .from(systems)
      .where(eq(systems.programmeId, programmeId))
      .groupBy(systems.serviceAreaId)
  ]);
  const byArea = new Map(counts.map((c) => [c.id, c.n]));
  return areas.map((a) => ({ ...a, systemCount: byArea.get(a.id) ?? 0 }));
}

export async function findServiceArea(db: DatabaseOrTransaction, programmeId: string, id: string) {
  const [area] = await db
    .select()
    .from(serviceAreas)
    .where(and(eq(serviceAreas.id, id), eq(serviceAreas.programmeId, programmeId)));
  if (!area) return null;
  const [row] = await db.select({ n: count() }).from(systems).where(eq(systems.serviceAreaId, id));
  return { ...area, systemCount: row?.n ?? 0 };
}

async function nameTaken(
  tx: Transaction,
  programmeId: string,
  name: string,
  exceptId: string | null
) {
  const rows = await tx
    .select({ id: serviceAreas.id })
    .from(serviceAreas)
    .where(
      and(
        eq(serviceAreas.programmeId, programmeId),
        sql`lower(${serviceAreas.name}) = lower(${name})`
      )
    );
  return rows.some((r) => r.id !== exceptId);
}

const TAKEN = {
  ok: false as const,
  kind: 'invalid' as const,
  field: 'name',
  message: 'This programme already has a service area with this name'
};

export async function createServiceArea(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: ServiceAreaInput,
  ip: string | null
): Promise<AreaWriteResult> {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, programmeId, input.name, null)) return TAKEN;
    const [row] = await tx
      .insert(serviceAreas)
      .values({ programmeId, ...input })
      .returning();
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'service_area',
      entityId: row!.id,
      action: 'service_area_created',
      after: input,
      ipAddress: ip
    });
    return { ok: true as const };
  });
}

export async function updateServiceArea(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  id: string,
  expectedVersion: number,
  input: ServiceAreaInput,
  ip: string | null
): Promise<AreaWriteResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(serviceAreas)
      .where(and(eq(serviceAreas.id, id), eq(serviceAreas.programmeId, programmeId)));
    if (!before) return { ok: false as const, kind: 'gone' as const };
    if (before.version !== expectedVersion)
      return { ok: false as const, kind: 'conflict' as const };
    if (await nameTaken(tx, programmeId, input.name, id)) return TAKEN;
    await tx
      .update(serviceAreas)
      .set({ ...input, version: sql`${serviceAreas.version} + 1` })
      .where(eq(serviceAreas.id, id));
    const { name, category, priority } = before;
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'service_area',
      entityId: id,
      action: 'service_area_updated',
      before: { name, category, priority },
      after: input,
      ipAddress: ip
    });
    return { ok: true as const };
  });
}

/** Systems in a deleted area keep running; they just lose the area (set null by the schema). */
export async function deleteServiceArea(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  id: string,
  expectedVersion: number,
  ip: string | null
): Promise<AreaWriteResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(serviceAreas)
      .where(and(eq(serviceAreas.id, id), eq(serviceAreas.programmeId, programmeId)));
    if (!before) return { ok: false as const, kind: 'gone' as const };
    if (before.version !== expectedVersion)
      return { ok: false as const, kind: 'conflict' as const };
    await tx.delete(serviceAreas).where(eq(serviceAreas.id, id));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'service_area',
      entityId: id,
      action: 'service_area_deleted',
      before,
      ipAddress: ip
    });
    return { ok: true as const };
  });
}

/** Puts a deleted service area back with its id (its systems were left without an area). */
export async function restoreServiceArea(
  tx: Transaction,
  programmeId: string,
  snapshot: {
    id: string;
    name: string;
    category: 'service' | 'foundation';
    priority: number;
    version: number;
  }
): Promise<{ ok: true } | { ok: false; message: string }> {
  const [exists] = await tx
    .select({ id: serviceAreas.id })
    .from(serviceAreas)
    .where(eq(serviceAreas.id, snapshot.id));
  if (exists) return { ok: false, message: 'This service area has already been restored' };
  if (await nameTaken(tx, programmeId, snapshot.name, null)) {
    return { ok: false, message: `Another service area is now called ${snapshot.name}` };
  }
  await tx.insert(serviceAreas).values({
    id: snapshot.id,
    programmeId,
    name: snapshot.name,
    category: snapshot.category,
    priority: snapshot.priority,
    version: snapshot.version + 1
  });
  return { ok: true };
}
