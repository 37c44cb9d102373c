import { and, count, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, Transaction } from '../db';
import {
  roadmapApprovals,
  roadmapItems,
  roadmapMilestones,
  roadmapScenarios,
  shareLinks
} from '../db/schema';
import type { ScenarioResult } from './scenarios';

type Scenario = typeof roadmapScenarios.$inferSelect;

async function scenarioAt(
  tx: Transaction,
  programmeId: string,
  scenarioId: string,
  expectedVersion: number
): Promise<{ ok: true; row: Scenario } | { ok: false; message: string; status: number }> {
  const [row] = await tx
    .select()
    .from(roadmapScenarios)
    .where(and(eq(roadmapScenarios.id, scenarioId), eq(roadmapScenarios.programmeId, programmeId)));
  if (!row) return { ok: false, message: 'That scenario no longer exists', status: 404 };
  if (row.version !== expectedVersion) {
    return {
      ok: false,
      status: 409,
      message: `Someone else changed ${row.name} while you were looking at it. Check the list and try again.`
    };
  }
  return { ok: true, row };
}

/** Renames a scenario at the version the person saw; names are unique within a programme. */
export async function renameScenario(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  scenarioId: string,
  expectedVersion: number,
  name: string,
  ipAddress: string | null
): Promise<ScenarioResult> {
  return db.transaction(async (tx) => {
    const found = await scenarioAt(tx, programmeId, scenarioId, expectedVersion);
    if (!found.ok) return found;
    const [clash] = await tx
      .select({ id: roadmapScenarios.id })
      .from(roadmapScenarios)
      .where(
        and(
          eq(roadmapScenarios.programmeId, programmeId),
          ne(roadmapScenarios.id, scenarioId),
          sql`lower(${roadmapScenarios.name}) = lower(${name})`
        )
      );
    if (clash) {
      return { ok: false as const, status: 400, message: 'Another scenario already has that name' };
    }
    if (found.row.name === name) return { ok: true as const, id: scenarioId };
    await tx
      .update(roadmapScenarios)
      .set({ name, updatedAt: new Date(), version: sql`${roadmapScenarios.version} + 1` })
      .where(eq(roadmapScenarios.id, scenarioId));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_scenario',
      entityId: scenarioId,
      action: 'roadmap_scenario_renamed',
      before: { name: found.row.name },
      after: { name },
      ipAddress
    });
    return { ok: true as const, id: scenarioId };
  });
}

/** Why a scenario cannot be deleted, or null when it can. */
export async function scenarioDeleteBlocker(
  tx: Database | Transaction,
  scenario: Pick<Scenario, 'id' | 'isCurrent'>
): Promise<string | null> {
  if (scenario.isCurrent) {
    return 'This is the current plan. Make another scenario current before you delete this one.';
  }
  const [approved] = await tx
    .select({ n: count() })
    .from(roadmapApprovals)
    .where(eq(roadmapApprovals.scenarioId, scenario.id));
  if ((approved?.n ?? 0) > 0) {
    return 'This scenario has been approved. It is kept so that its approval history stays complete.';
  }
  return null;
}

/**
 * Deletes a scenario that is not current and was never approved, with its items, their
 * dependencies and links, its milestones and its share links (the foreign keys cascade), in
 * one transaction with an audit event that says what went.
 */
export async function deleteScenario(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  scenarioId: string,
  expectedVersion: number,
  ipAddress: string | null
): Promise<ScenarioResult> {
  return db.transaction(async (tx) => {
    const found = await scenarioAt(tx, programmeId, scenarioId, expectedVersion);
    if (!found.ok) return found;
    const blocker = await scenarioDeleteBlocker(tx, found.row);
    if (blocker) return { ok: false as const, status: 409, message: blocker };
    const [items, milestones, links] = await Promise.all([
      tx
        .select({ id: roadmapItems.id, title: roadmapItems.title })
        .from(roadmapItems)
        .where(eq(roadmapItems.scenarioId, scenarioId)),
      tx
        .select({ n: count() })
        .from(roadmapMilestones)
        .where(eq(roadmapMilestones.scenarioId, scenarioId)),
      tx.select({ n: count() }).from(shareLinks).where(eq(shareLinks.scenarioId, scenarioId))
    ]);
    await tx
      .update(roadmapScenarios)
      .set({ copiedFromId: null })
      .where(eq(roadmapScenarios.copiedFromId, scenarioId));
    await tx
      .delete(roadmapScenarios)
      .where(
        and(eq(roadmapScenarios.id, scenarioId), eq(roadmapScenarios.version, expectedVersion))
      );
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_scenario',
      entityId: scenarioId,
      action: 'roadmap_scenario_deleted',
      before: {
        name: found.row.name,
        description: found.row.description,
        copiedFromId: found.row.copiedFromId,
        version: found.row.version,
        items: items.map((i) => ({ id: i.id, title: i.title })),
        milestones: milestones[0]?.n ?? 0,
        shareLinks: links[0]?.n ?? 0
      },
      ipAddress
    });
    return { ok: true as const, id: scenarioId };
  });
}
