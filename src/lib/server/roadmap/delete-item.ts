import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import {
  contracts,
  councils,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapItemSystems,
  roadmapScenarios,
  serviceAreas,
  systems
} from '../db/schema';
import { findItem, itemSnapshot, type ItemSnapshot } from './items';

const day = z.iso.date();
const ids = z.array(z.uuid());

/** The shape `deleteItem` keeps as the `before` of a 'roadmap_item_deleted' audit event. */
const snapshotSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  scenarioId: z.uuid(),
  lineageId: z.uuid(),
  kind: z.enum(['redesign', 'foundation']),
  title: z.string().min(1),
  serviceAreaId: z.uuid().nullable(),
  councilId: z.uuid().nullable(),
  status: z.enum(['proposed', 'planned', 'in_progress', 'paused', 'done']),
  owner: z.string().nullable(),
  size: z.enum(['s', 'm', 'l', 'xl']),
  startDate: day,
  alphaStart: day,
  betaStart: day,
  liveStart: day,
  endDate: day,
  notes: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().min(1),
  /** Items this one waited for. */
  dependsOn: ids,
  /** Items that waited for this one. */
  dependents: ids,
  contractIds: ids,
  systemIds: ids
});

export type DeletedItemSnapshot = z.infer<typeof snapshotSchema>;

export type ItemDeleteResult =
  | { ok: true; scenarioId: string; snapshot: DeletedItemSnapshot }
  | { ok: false; kind: 'conflict'; current: ItemSnapshot }
  | { ok: false; kind: 'gone' };

/**
 * Deletes an item at the version the person saw, with its dependencies both ways and its
 * links, keeping all of it in the audit event so an owner can restore it. Approvals keep
 * their own frozen copies (baseline tables), which this does not touch.
 */
export async function deleteItem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  itemId: string,
  expectedVersion: number,
  ipAddress: string | null
): Promise<ItemDeleteResult> {
  return db.transaction(async (tx) => {
    const before = await findItem(tx, programmeId, itemId);
    if (!before) return { ok: false as const, kind: 'gone' as const };
    if (before.version !== expectedVersion) {
      return { ok: false as const, kind: 'conflict' as const, current: itemSnapshot(before) };
    }
    const [deps, contractRows, systemRows] = await Promise.all([
      tx
        .select()
        .from(roadmapDependencies)
        .where(
          or(
            eq(roadmapDependencies.successorId, itemId),
            eq(roadmapDependencies.predecessorId, itemId)
          )
        ),
      tx
        .select({ id: roadmapItemContracts.contractId })
        .from(roadmapItemContracts)
        .where(eq(roadmapItemContracts.itemId, itemId)),
      tx
        .select({ id: roadmapItemSystems.systemId })
        .from(roadmapItemSystems)
        .where(eq(roadmapItemSystems.itemId, itemId))
    ]);
    const deleted = await tx
      .delete(roadmapItems)
      .where(and(eq(roadmapItems.id, itemId), eq(roadmapItems.version, expectedVersion)))
      .returning();
    if (deleted.length === 0) {
      const current = await findItem(tx, programmeId, itemId);
      return current
        ? { ok: false as const, kind: 'conflict' as const, current: itemSnapshot(current) }
        : { ok: false as const, kind: 'gone' as const };
    }
    const row = deleted[0]!;
    const snapshot: DeletedItemSnapshot = {
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      dependsOn: deps
        .filter((d) => d.successorId === itemId)
        .map((d) => d.predecessorId)
        .sort(),
      dependents: deps
        .filter((d) => d.predecessorId === itemId)
        .map((d) => d.successorId)
        .sort(),
      contractIds: contractRows.map((r) => r.id).sort(),
      systemIds: systemRows.map((r) => r.id).sort()
    };
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_item',
      entityId: itemId,
      action: 'roadmap_item_deleted',
      before: snapshot,
      ipAddress
    });
    return { ok: true as const, scenarioId: row.scenarioId, snapshot };
  });
}

/** Ids from `wanted` that still exist in `table` within the programme. */
async function existing(
  tx: DatabaseOrTransaction,
  table: typeof contracts | typeof systems,
  programmeId: string,
  wanted: string[]
) {
  if (wanted.length === 0) return [];
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.programmeId, programmeId), inArray(table.id, wanted)));
  return rows.map((r) => r.id);
}

/**
 * Puts a deleted item back as it was (same id, dates, version and timestamps) with its
 * dependencies on items of its scenario that still exist and its links to contracts and
 * systems that still exist. Call it inside the caller's transaction.
 */
export async function restoreItem(
  tx: DatabaseOrTransaction,
  programmeId: string,
  snapshot: unknown
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    return { ok: false, message: 'This record is not a deleted roadmap item that can be restored' };
  }
  const { dependsOn, dependents, contractIds, systemIds, createdAt, updatedAt, ...row } =
    parsed.data;
  if (row.programmeId !== programmeId) {
    return { ok: false, message: 'This item was deleted from a different programme' };
  }
  const [taken] = await tx
    .select({ id: roadmapItems.id })
    .from(roadmapItems)
    .where(eq(roadmapItems.id, row.id));
  if (taken) return { ok: false, message: `${row.title} has already been restored` };
  const [scenario] = await tx
    .select({ id: roadmapScenarios.id })
    .from(roadmapScenarios)
    .where(
      and(eq(roadmapScenarios.id, row.scenarioId), eq(roadmapScenarios.programmeId, programmeId))
    );
  if (!scenario) {
    return {
      ok: false,
      message: `${row.title} cannot be restored because its scenario has been deleted`
    };
  }
  const [area] = row.serviceAreaId
    ? await tx
        .select({ id: serviceAreas.id })
        .from(serviceAreas)
        .where(
          and(eq(serviceAreas.id, row.serviceAreaId), eq(serviceAreas.programmeId, programmeId))
        )
    : [];
  const [council] = row.councilId
    ? await tx
        .select({ id: councils.id })
        .from(councils)
        .where(and(eq(councils.id, row.councilId), eq(councils.programmeId, programmeId)))
    : [];
  await tx.insert(roadmapItems).values({
    ...row,
    serviceAreaId: area ? row.serviceAreaId : null,
    councilId: council ? row.councilId : null,
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt)
  });
  const others = [...dependsOn, ...dependents];
  const alive = new Set(
    others.length === 0
      ? []
      : (
          await tx
            .select({ id: roadmapItems.id })
            .from(roadmapItems)
            .where(
              and(eq(roadmapItems.scenarioId, row.scenarioId), inArray(roadmapItems.id, others))
            )
        ).map((r) => r.id)
  );
  const depRows = [
    ...dependsOn
      .filter((id) => alive.has(id))
      .map((id) => ({ predecessorId: id, successorId: row.id })),
    ...dependents
      .filter((id) => alive.has(id))
      .map((id) => ({ predecessorId: row.id, successorId: id }))
  ];
  if (depRows.length > 0)
    await tx.insert(roadmapDependencies).values(depRows).onConflictDoNothing();
  const linkContracts = await existing(tx, contracts, programmeId, contractIds);
  if (linkContracts.length > 0) {
    await tx
      .insert(roadmapItemContracts)
      .values(linkContracts.map((contractId) => ({ itemId: row.id, contractId })));
  }
  const linkSystems = await existing(tx, systems, programmeId, systemIds);
  if (linkSystems.length > 0) {
    await tx
      .insert(roadmapItemSystems)
      .values(linkSystems.map((systemId) => ({ itemId: row.id, systemId })));
  }
  return { ok: true, id: row.id };
}
