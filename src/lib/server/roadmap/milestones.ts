import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db';
import { roadmapMilestones, roadmapScenarios } from '../db/schema';

export type MilestoneResult = { ok: true } | { ok: false; status: number; message: string };

/**
 * Adds a milestone to a scenario of the programme. Vesting day is never stored: the timeline
 * always draws it from the programme, so it cannot be deleted or forgotten.
 */
export async function addMilestone(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  scenarioId: string,
  input: { name: string; date: string },
  ipAddress: string | null
): Promise<MilestoneResult> {
  return db.transaction(async (tx) => {
    const [scenario] = await tx
      .select({ id: roadmapScenarios.id })
      .from(roadmapScenarios)
      .where(
        and(eq(roadmapScenarios.id, scenarioId), eq(roadmapScenarios.programmeId, programmeId))
      );
    if (!scenario)
      return { ok: false as const, status: 404, message: 'That scenario no longer exists' };
    const [row] = await tx
      .insert(roadmapMilestones)
      .values({ scenarioId, name: input.name, date: input.date })
      .returning();
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_milestone',
      entityId: row!.id,
      action: 'roadmap_milestone_added',
      after: { scenarioId, name: row!.name, date: row!.date },
      ipAddress
    });
    return { ok: true as const };
  });
}

/** Removes a milestone at the version the person saw. */
export async function deleteMilestone(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  milestoneId: string,
  expectedVersion: number,
  ipAddress: string | null
): Promise<MilestoneResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ milestone: roadmapMilestones })
      .from(roadmapMilestones)
      .innerJoin(roadmapScenarios, eq(roadmapScenarios.id, roadmapMilestones.scenarioId))
      .where(
        and(eq(roadmapMilestones.id, milestoneId), eq(roadmapScenarios.programmeId, programmeId))
      );
    if (!row)
      return { ok: false as const, status: 404, message: 'That milestone has been deleted' };
    if (row.milestone.version !== expectedVersion) {
      return {
        ok: false as const,
        status: 409,
        message: `Someone else changed the milestone ${row.milestone.name}: check it and try again`
      };
    }
    await tx
      .delete(roadmapMilestones)
      .where(
        and(eq(roadmapMilestones.id, milestoneId), eq(roadmapMilestones.version, expectedVersion))
      );
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_milestone',
      entityId: milestoneId,
      action: 'roadmap_milestone_deleted',
      before: {
        scenarioId: row.milestone.scenarioId,
        name: row.milestone.name,
        date: row.milestone.date
      },
      ipAddress
    });
    return { ok: true as const };
  });
}
