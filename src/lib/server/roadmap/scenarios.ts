import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, Transaction } from '../db';
import {
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapItemSystems,
  roadmapMilestones,
  roadmapScenarios
} from '../db/schema';

export const FIRST_SCENARIO_NAME = 'Current plan';

/**
 * The programme's current scenario, created (and audited) if it has none yet. The partial
 * unique index settles a race between two first writes: the loser reads the winner's.
 */
export async function ensureCurrentScenario(
  tx: Transaction,
  actor: SessionUser,
  programmeId: string,
  ipAddress: string | null
): Promise<string> {
  const current = () =>
    tx
      .select({ id: roadmapScenarios.id })
      .from(roadmapScenarios)
      .where(
        and(eq(roadmapScenarios.programmeId, programmeId), eq(roadmapScenarios.isCurrent, true))
      );
  const [existing] = await current();
  if (existing) return existing.id;
  const [row] = await tx
    .insert(roadmapScenarios)
    .values({ programmeId, name: FIRST_SCENARIO_NAME, isCurrent: true })
    .onConflictDoNothing()
    .returning({ id: roadmapScenarios.id });
  if (!row) return (await current())[0]!.id;
  await recordAudit(tx, {
    userId: actor.id,
    programmeId,
    entity: 'roadmap_scenario',
    entityId: row.id,
    action: 'roadmap_scenario_created',
    after: { name: FIRST_SCENARIO_NAME, isCurrent: true },
    ipAddress
  });
  return row.id;
}

export type ScenarioResult =
  { ok: true; id: string } | { ok: false; message: string; status: number };

/** A new empty scenario; current only if the programme has none. */
export async function createScenario(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  name: string,
  ipAddress: string | null
): Promise<ScenarioResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: roadmapScenarios.id })
      .from(roadmapScenarios)
      .where(
        and(eq(roadmapScenarios.programmeId, programmeId), eq(roadmapScenarios.isCurrent, true))
      );
    const [row] = await tx
      .insert(roadmapScenarios)
      .values({ programmeId, name, isCurrent: !current })
      .returning();
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_scenario',
      entityId: row!.id,
      action: 'roadmap_scenario_created',
      after: { name, isCurrent: row!.isCurrent },
      ipAddress
    });
    return { ok: true as const, id: row!.id };
  });
}

/**
 * A copy of a scenario to try changes on: its items (new ids, same lineage, so the two can be
 * compared item by item), their dependencies and links, and its milestones. Never current.
 */
export async function copyScenario(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  sourceId: string,
  name: string,
  ipAddress: string | null
): Promise<ScenarioResult> {
  return db.transaction(async (tx) => {
    const [source] = await tx
      .select()
      .from(roadmapScenarios)
      .where(and(eq(roadmapScenarios.id, sourceId), eq(roadmapScenarios.programmeId, programmeId)));
    if (!source)
      return { ok: false as const, message: 'That scenario no longer exists', status: 404 };
    const [copy] = await tx
      .insert(roadmapScenarios)
      .values({ programmeId, name, description: source.description, copiedFromId: source.id })
      .returning({ id: roadmapScenarios.id });
    const items = await tx
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.scenarioId, source.id));
    const newId = new Map<string, string>();
    if (items.length > 0) {
      const inserted = await tx
        .insert(roadmapItems)
        .values(
          items.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...rest }) => ({
            ...rest,
            scenarioId: copy!.id
          }))
        )
        .returning({ id: roadmapItems.id });
      items.forEach((item, i) => newId.set(item.id, inserted[i]!.id));
      const ids = items.map((i) => i.id);
      const [deps, contractLinks, systemLinks] = await Promise.all([
        tx.select().from(roadmapDependencies).where(inArray(roadmapDependencies.successorId, ids)),
        tx.select().from(roadmapItemContracts).where(inArray(roadmapItemContracts.itemId, ids)),
        tx.select().from(roadmapItemSystems).where(inArray(roadmapItemSystems.itemId, ids))
      ]);
      const mapped = (id: string) => newId.get(id)!;
      const depRows = deps
        .filter((d) => newId.has(d.predecessorId))
        .map((d) => ({
          predecessorId: mapped(d.predecessorId),
          successorId: mapped(d.successorId)
        }));
      if (depRows.length) await tx.insert(roadmapDependencies).values(depRows);
      if (contractLinks.length) {
        await tx
          .insert(roadmapItemContracts)
          .values(
            contractLinks.map((l) => ({ itemId: mapped(l.itemId), contractId: l.contractId }))
          );
      }
      if (systemLinks.length) {
        await tx
          .insert(roadmapItemSystems)
          .values(systemLinks.map((l) => ({ itemId: mapped(l.itemId), systemId: l.systemId })));
      }
    }
    const milestones = await tx
      .select()
      .from(roadmapMilestones)
      .where(eq(roadmapMilestones.scenarioId, source.id));
    if (milestones.length) {
      await tx
        .insert(roadmapMilestones)
        .values(milestones.map((m) => ({ scenarioId: copy!.id, name: m.name, date: m.date })));
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_scenario',
      entityId: copy!.id,
      action: 'roadmap_scenario_copied',
      after: { name, copiedFromId: source.id, items: items.length },
      ipAddress
    });
    return { ok: true as const, id: copy!.id };
  });
}

/** Makes a scenario the current plan, at the version the person saw. */
export async function makeScenarioCurrent(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  scenarioId: string,
  expectedVersion: number,
  ipAddress: string | null
): Promise<ScenarioResult> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(roadmapScenarios)
      .where(
        and(eq(roadmapScenarios.id, scenarioId), eq(roadmapScenarios.programmeId, programmeId))
      );
    if (!target)
      return { ok: false as const, message: 'That scenario no longer exists', status: 404 };
    if (target.version !== expectedVersion) {
      return {
        ok: false as const,
        status: 409,
        message: `Someone else changed ${target.name} while you were looking at it. Check the list and try again.`
      };
    }
    if (target.isCurrent) return { ok: true as const, id: target.id };
    const [previous] = await tx
      .update(roadmapScenarios)
      .set({
        isCurrent: false,
        updatedAt: new Date(),
        version: sql`${roadmapScenarios.version} + 1`
      })
      .where(
        and(eq(roadmapScenarios.programmeId, programmeId), eq(roadmapScenarios.isCurrent, true))
      )
      .returning({ id: roadmapScenarios.id, name: roadmapScenarios.name });
    await tx
      .update(roadmapScenarios)
      .set({
        isCurrent: true,
        updatedAt: new Date(),
        version: sql`${roadmapScenarios.version} + 1`
      })
      .where(eq(roadmapScenarios.id, scenarioId));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_scenario',
      entityId: scenarioId,
      action: 'roadmap_scenario_made_current',
      before: previous ? { currentId: previous.id, name: previous.name } : null,
      after: { currentId: scenarioId, name: target.name },
      ipAddress
    });
    return { ok: true as const, id: scenarioId };
  });
}
