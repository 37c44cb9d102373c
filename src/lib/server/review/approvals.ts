import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Verdict } from '#lib/domain/checks/index.ts';
import { todayUtc, type IsoDate } from '#lib/domain/dates.ts';
import type { PlanSide } from '#lib/domain/review/index.ts';
import { planFieldsOf } from '#lib/domain/roadmap/index.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import { evaluateProgramme } from '../checks/readiness';
import type { ProgrammeForChecks } from '../checks/snapshot';
import type { Database, DatabaseOrTransaction } from '../db';
import {
  baselineDependencies,
  baselineItems,
  roadmapApprovals,
  roadmapDependencies,
  roadmapItems,
  roadmapScenarios
} from '../db/schema';

export type ApprovalRow = typeof roadmapApprovals.$inferSelect;
export type BaselineItemRow = typeof baselineItems.$inferSelect;

export interface StoredCheckResult {
  id: string;
  title: string;
  status: string;
  summary: string;
}

export type ApprovalResult =
  { ok: true; id: string } | { ok: false; status: number; field: string; message: string };

/**
 * "Approved by <body> on <date>": freezes a copy of the scenario's items (schedule, titles,
 * lanes, lineage) and dependencies, and the day-one verdict as it stands now, in one
 * transaction with its audit event. The copy points at nothing live, so later edits and
 * deletions leave it as approved.
 */
export async function approveScenario(
  db: Database,
  actor: SessionUser,
  programme: ProgrammeForChecks,
  input: { scenarioId: string; approvedBy: string; approvedOn: IsoDate },
  ipAddress: string | null
): Promise<ApprovalResult> {
  return db.transaction(async (tx) => {
    const [scenario] = await tx
      .select()
      .from(roadmapScenarios)
      .where(
        and(
          eq(roadmapScenarios.id, input.scenarioId),
          eq(roadmapScenarios.programmeId, programme.id)
        )
      )
      .for('update');
    if (!scenario) {
      return {
        ok: false as const,
        status: 404,
        field: 'scenarioId',
        message: 'That scenario no longer exists'
      };
    }
    const items = await tx
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.scenarioId, scenario.id))
      .orderBy(asc(roadmapItems.startDate), asc(roadmapItems.title));
    const dependencies = await tx
      .select({
        predecessorId: roadmapDependencies.predecessorId,
        successorId: roadmapDependencies.successorId
      })
      .from(roadmapDependencies)
      .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapDependencies.successorId))
      .where(eq(roadmapItems.scenarioId, scenario.id));
    const { results, readiness } = await evaluateProgramme(tx, programme, todayUtc());
    const checkResults: StoredCheckResult[] = results.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      summary: r.summary
    }));
    const [approval] = await tx
      .insert(roadmapApprovals)
      .values({
        programmeId: programme.id,
        scenarioId: scenario.id,
        scenarioName: scenario.name,
        approvedBy: input.approvedBy,
        approvedOn: input.approvedOn,
        verdict: readiness.verdict,
        checkResults,
        recordedById: actor.id
      })
      .returning({ id: roadmapApprovals.id });
    const lineage = new Map(items.map((i) => [i.id, i.lineageId]));
    const seen = new Set<string>();
    const frozen = items.filter((i) => !seen.has(i.lineageId) && seen.add(i.lineageId));
    if (frozen.length) {
      await tx.insert(baselineItems).values(
        frozen.map((i) => ({
          approvalId: approval!.id,
          lineageId: i.lineageId,
          ...planFieldsOf(i)
        }))
      );
    }
    const pairs = new Map(
      dependencies.flatMap((d) => {
        const predecessorLineageId = lineage.get(d.predecessorId);
        const successorLineageId = lineage.get(d.successorId);
        return predecessorLineageId && successorLineageId
          ? [
              [
                `${predecessorLineageId}>${successorLineageId}`,
                { approvalId: approval!.id, predecessorLineageId, successorLineageId }
              ] as const
            ]
          : [];
      })
    );
    if (pairs.size) await tx.insert(baselineDependencies).values([...pairs.values()]);
    await recordAudit(tx, {
      userId: actor.id,
      programmeId: programme.id,
      entity: 'roadmap_approval',
      entityId: approval!.id,
      action: 'roadmap_scenario_approved',
      after: {
        scenarioId: scenario.id,
        scenarioName: scenario.name,
        approvedBy: input.approvedBy,
        approvedOn: input.approvedOn,
        verdict: readiness.verdict,
        items: frozen.length,
        dependencies: pairs.size
      },
      ipAddress
    });
    return { ok: true as const, id: approval!.id };
  });
}

/** Every approval of the programme, newest first, with how many items each froze. */
export async function listApprovals(db: DatabaseOrTransaction, programmeId: string) {
  const rows = await db
    .select({
      id: roadmapApprovals.id,
      scenarioId: roadmapApprovals.scenarioId,
      scenarioName: roadmapApprovals.scenarioName,
      approvedBy: roadmapApprovals.approvedBy,
      approvedOn: roadmapApprovals.approvedOn,
      verdict: roadmapApprovals.verdict,
      createdAt: roadmapApprovals.createdAt,
      items: count(baselineItems.lineageId)
    })
    .from(roadmapApprovals)
    .leftJoin(baselineItems, eq(baselineItems.approvalId, roadmapApprovals.id))
    .where(eq(roadmapApprovals.programmeId, programmeId))
    .groupBy(roadmapApprovals.id)
    .orderBy(desc(roadmapApprovals.approvedOn), desc(roadmapApprovals.createdAt));
  return rows.map((r) => ({ ...r, verdict: r.verdict as Verdict }));
}

export async function findApproval(
  db: DatabaseOrTransaction,
  programmeId: string,
  approvalId: string
): Promise<ApprovalRow | null> {
  const [row] = await db
    .select()
    .from(roadmapApprovals)
    .where(and(eq(roadmapApprovals.id, approvalId), eq(roadmapApprovals.programmeId, programmeId)));
  return row ?? null;
}

export interface LoadedBaseline {
  approval: ApprovalRow;
  items: BaselineItemRow[];
  side: PlanSide;
}

/** An approval's frozen items and dependencies: two queries. */
export async function loadBaseline(
  db: DatabaseOrTransaction,
  approval: ApprovalRow
): Promise<LoadedBaseline> {
  const [items, deps] = await Promise.all([
    db
      .select()
      .from(baselineItems)
      .where(eq(baselineItems.approvalId, approval.id))
      .orderBy(asc(baselineItems.startDate), asc(baselineItems.title)),
    db.select().from(baselineDependencies).where(eq(baselineDependencies.approvalId, approval.id))
  ]);
  return {
    approval,
    items,
    side: {
      items: items.map((i) => ({
        lineageId: i.lineageId,
        title: i.title,
        startDate: i.startDate,
        alphaStart: i.alphaStart,
        betaStart: i.betaStart,
        liveStart: i.liveStart,
        endDate: i.endDate
      })),
      dependencies: deps.map((d) => ({
        predecessor: d.predecessorLineageId,
        successor: d.successorLineageId
      }))
    }
  };
}
