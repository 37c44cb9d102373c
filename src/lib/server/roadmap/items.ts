import { and, eq, inArray, sql } from 'drizzle-orm';
import { SCHEDULE_FIELDS, type Schedule } from '#lib/domain/roadmap/index.ts';
import type { RoadmapItemFields } from '#lib/schemas/roadmap.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction, Transaction } from '../db';
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
import { ensureCurrentScenario } from './scenarios';

export interface ItemLinks {
  dependsOn: string[];
  contractIds: string[];
  systemIds: string[];
}

type Row = typeof roadmapItems.$inferSelect;
export type ItemSnapshot = RoadmapItemFields & { version: number };

export const itemSnapshot = (r: Row): ItemSnapshot => ({
  title: r.title,
  kind: r.kind,
  serviceAreaId: r.serviceAreaId,
  councilId: r.councilId,
  status: r.status,
  owner: r.owner,
  size: r.size,
  notes: r.notes,
  startDate: r.startDate,
  alphaStart: r.alphaStart,
  betaStart: r.betaStart,
  liveStart: r.liveStart,
  endDate: r.endDate,
  version: r.version
});

export type ItemWriteResult =
  | { ok: true; id: string; eventId: number }
  | { ok: false; kind: 'invalid'; field: string; message: string }
  | { ok: false; kind: 'conflict'; current: ItemSnapshot }
  | { ok: false; kind: 'gone' };

const gone = { ok: false as const, kind: 'gone' as const };
const conflict = (row: Row) => ({
  ok: false as const,
  kind: 'conflict' as const,
  current: itemSnapshot(row)
});
const invalid = (field: string, message: string) => ({
  ok: false as const,
  kind: 'invalid' as const,
  field,
  message
});

export async function findItem(db: DatabaseOrTransaction, programmeId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(roadmapItems)
    .where(and(eq(roadmapItems.id, itemId), eq(roadmapItems.programmeId, programmeId)));
  return row ?? null;
}

/** Ids in a form can be anything: each must belong to this programme (or this scenario). */
async function referencesProblem(
  tx: Transaction,
  programmeId: string,
  scenarioId: string,
  itemId: string | null,
  input: Pick<RoadmapItemFields, 'serviceAreaId' | 'councilId'>,
  links: ItemLinks
) {
  if (input.serviceAreaId) {
    const [area] = await tx
      .select({ id: serviceAreas.id })
      .from(serviceAreas)
      .where(
        and(eq(serviceAreas.id, input.serviceAreaId), eq(serviceAreas.programmeId, programmeId))
      );
    if (!area) return invalid('serviceAreaId', 'Choose a service area from this programme');
  }
  if (input.councilId) {
    const [council] = await tx
      .select({ id: councils.id })
      .from(councils)
      .where(
        and(
          eq(councils.id, input.councilId),
          eq(councils.programmeId, programmeId),
          eq(councils.role, 'successor')
        )
      );
    if (!council) return invalid('councilId', 'Choose one of the new councils');
  }
  const count = async (table: typeof contracts | typeof systems, ids: string[]) =>
    ids.length === 0
      ? 0
      : (
          await tx
            .select({ id: table.id })
            .from(table)
            .where(and(inArray(table.id, ids), eq(table.programmeId, programmeId)))
        ).length;
  if ((await count(contracts, links.contractIds)) !== links.contractIds.length) {
    return invalid('contractIds', 'Choose contracts from this programme');
  }
  if ((await count(systems, links.systemIds)) !== links.systemIds.length) {
    return invalid('systemIds', 'Choose systems from this programme');
  }
  if (itemId && links.dependsOn.includes(itemId)) {
    return invalid('dependsOn', 'An item cannot depend on itself');
  }
  if (links.dependsOn.length > 0) {
    const found = await tx
      .select({ id: roadmapItems.id })
      .from(roadmapItems)
      .where(
        and(inArray(roadmapItems.id, links.dependsOn), eq(roadmapItems.scenarioId, scenarioId))
      );
    if (found.length !== links.dependsOn.length) {
      return invalid('dependsOn', 'Choose items from the same scenario');
    }
  }
  return null;
}

async function replaceLinks(tx: Transaction, itemId: string, links: ItemLinks) {
  await tx.delete(roadmapDependencies).where(eq(roadmapDependencies.successorId, itemId));
  await tx.delete(roadmapItemContracts).where(eq(roadmapItemContracts.itemId, itemId));
  await tx.delete(roadmapItemSystems).where(eq(roadmapItemSystems.itemId, itemId));
  if (links.dependsOn.length > 0) {
    await tx
      .insert(roadmapDependencies)
      .values(links.dependsOn.map((predecessorId) => ({ predecessorId, successorId: itemId })));
  }
  if (links.contractIds.length > 0) {
    await tx
      .insert(roadmapItemContracts)
      .values(links.contractIds.map((contractId) => ({ itemId, contractId })));
  }
  if (links.systemIds.length > 0) {
    await tx
      .insert(roadmapItemSystems)
      .values(links.systemIds.map((systemId) => ({ itemId, systemId })));
  }
}

/**
 * Adds an item to a scenario (the current one when none is named, created if the programme
 * has none yet) with its links and audit event, in one transaction.
 */
export async function createItem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  scenarioId: string | null,
  input: RoadmapItemFields,
  links: ItemLinks,
  ipAddress: string | null
): Promise<Extract<ItemWriteResult, { ok: true } | { kind: 'invalid' }>> {
  return db.transaction(async (tx) => {
    let scenario: string;
    if (scenarioId) {
      const [row] = await tx
        .select({ id: roadmapScenarios.id })
        .from(roadmapScenarios)
        .where(
          and(eq(roadmapScenarios.id, scenarioId), eq(roadmapScenarios.programmeId, programmeId))
        );
      if (!row) return invalid('form', 'That scenario no longer exists');
      scenario = row.id;
    } else {
      scenario = await ensureCurrentScenario(tx, actor, programmeId, ipAddress);
    }
    const problem = await referencesProblem(tx, programmeId, scenario, null, input, links);
    if (problem) return problem;
    const [row] = await tx
      .insert(roadmapItems)
      .values({ ...input, programmeId, scenarioId: scenario })
      .returning();
    await replaceLinks(tx, row!.id, links);
    const eventId = await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_item',
      entityId: row!.id,
      action: 'roadmap_item_created',
      after: { ...itemSnapshot(row!), ...links },
      ipAddress
    });
    return { ok: true as const, id: row!.id, eventId };
  });
}

/**
 * Saves a change to an item only at the version the person saw, with before and after in its
 * audit event. `links` undefined leaves the links as they are (a move).
 */
async function writeItem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  itemId: string,
  expectedVersion: number,
  change: Partial<RoadmapItemFields>,
  links: ItemLinks | undefined,
  action: string,
  ipAddress: string | null,
  checkReferences = false
): Promise<ItemWriteResult> {
  return db.transaction(async (tx) => {
    const before = await findItem(tx, programmeId, itemId);
    if (!before) return gone;
    if (before.version !== expectedVersion) return conflict(before);
    if (links || checkReferences) {
      const input = { ...itemSnapshot(before), ...change };
      const problem = await referencesProblem(
        tx,
        programmeId,
        before.scenarioId,
        itemId,
        input,
        links ?? { dependsOn: [], contractIds: [], systemIds: [] }
      );
      if (problem) return problem;
    }
    const updated = await tx
      .update(roadmapItems)
      .set({ ...change, updatedAt: new Date(), version: sql`${roadmapItems.version} + 1` })
      .where(and(eq(roadmapItems.id, itemId), eq(roadmapItems.version, expectedVersion)))
      .returning();
    if (updated.length === 0) {
      const current = await findItem(tx, programmeId, itemId);
      return current ? conflict(current) : gone;
    }
    if (links) await replaceLinks(tx, itemId, links);
    const eventId = await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_item',
      entityId: itemId,
      action,
      before: itemSnapshot(before),
      after: itemSnapshot(updated[0]!),
      ipAddress
    });
    return { ok: true as const, id: itemId, eventId };
  });
}

export function updateItem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  itemId: string,
  expectedVersion: number,
  input: RoadmapItemFields,
  links: ItemLinks,
  ipAddress: string | null
) {
  return writeItem(
    db,
    actor,
    programmeId,
    itemId,
    expectedVersion,
    input,
    links,
    'roadmap_item_updated',
    ipAddress
  );
}

/** Reschedules an item (a drag, a key press): only its dates change. */
export function moveItem(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  itemId: string,
  expectedVersion: number,
  schedule: Schedule,
  ipAddress: string | null
) {
  const dates = Object.fromEntries(
    SCHEDULE_FIELDS.map((f) => [f, schedule[f]])
  ) as unknown as Schedule;
  return writeItem(
    db,
    actor,
    programmeId,
    itemId,
    expectedVersion,
    dates,
    undefined,
    'roadmap_item_moved',
    ipAddress
  );
}

/**
 * Moves an item to another lane (a bar dropped there, or Alt and an arrow key): its service
 * area, new council or status changes, checked to belong to the programme; nothing else does.
 */
export function changeLane(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  itemId: string,
  expectedVersion: number,
  change: Partial<Pick<RoadmapItemFields, 'serviceAreaId' | 'councilId' | 'status'>>,
  ipAddress: string | null
) {
  return writeItem(
    db,
    actor,
    programmeId,
    itemId,
    expectedVersion,
    change,
    undefined,
    'roadmap_item_lane_changed',
    ipAddress,
    true
  );
}
