import {
  countStatuses,
  type CheckStatus,
  type Readiness,
  type Verdict
} from '#lib/domain/checks/index.ts';
import { planFieldsOf } from '#lib/domain/roadmap/index.ts';
import type { LoadedBaseline, StoredCheckResult } from '../review';
import type { LoadedRoadmap } from '../roadmap';

/**
 * A scenario's roadmap with its items and dependencies replaced by an approval's frozen copy,
 * so the present view draws the plan as it was approved. The frozen items keep their lineage
 * as their id (bars lead to rows of the page's table, never to live items). Milestones, lanes
 * and settings are the scenario's own; contract links were not frozen, so none are drawn.
 */
export function frozenRoadmap(live: LoadedRoadmap, baseline: LoadedBaseline): LoadedRoadmap {
  const stamp = baseline.approval.createdAt;
  const items = baseline.items.map((b) => ({
    id: b.lineageId,
    programmeId: live.scenario.programmeId,
    scenarioId: live.scenario.id,
    lineageId: b.lineageId,
    ...planFieldsOf(b),
    owner: null,
    size: 'm' as const,
    notes: null,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
    contractIds: [] as string[],
    systemIds: [] as string[]
  }));
  return {
    ...live,
    items,
    contracts: [],
    plan: {
      ...live.plan,
      contracts: [],
      items: items.map((i) => ({
        id: i.id,
        ...planFieldsOf(i),
        contractIds: []
      })),
      dependencies: baseline.side.dependencies.map((d) => ({
        predecessorId: d.predecessor,
        successorId: d.successor
      }))
    }
  };
}

/** The day-one verdict as it was frozen at approval, counted from the stored check results. */
export function frozenReadiness(baseline: LoadedBaseline) {
  const results = (baseline.approval.checkResults ?? []) as StoredCheckResult[];
  return {
    verdict: baseline.approval.verdict as Verdict,
    counts: countStatuses(results.map((r) => r.status as CheckStatus)),
    successors: [] as Readiness['successors']
  };
}
