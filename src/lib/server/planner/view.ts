import { createHash } from 'node:crypto';
import type { IsoDate } from '#lib/domain/dates.ts';
import {
  bindingText,
  contractCost,
  planCost,
  UNPLACED_TEXT,
  type PlannerInput,
  type Proposal
} from '#lib/domain/planner/index.ts';
import {
  evaluateRoadmap,
  horizonEnd,
  monthIndex,
  STATUS_LABELS,
  warningNotes,
  warningsByItem,
  type RoadmapItem,
  type RoadmapPlan,
  type Schedule
} from '#lib/domain/roadmap/index.ts';
import { lanesFor } from '#lib/charts/timeline-layout.ts';
import { timelineWindow } from '#lib/charts/timeline-scale.ts';
import type { LoadedRoadmap } from '../roadmap';
import { clientView, roadmapView } from '../roadmap';

/**
 * Identifies the input a proposal was drawn from. The accept form carries it, so a proposal
 * is only saved if the inventory and the choices still give the plan the person saw.
 */
export function inputFingerprint(input: PlannerInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32);
}

/** The current scenario's schedule for each area: its first redesign. */
export function currentSchedules(roadmap: LoadedRoadmap | null): Map<string, Schedule> {
  const schedules = new Map<string, Schedule>();
  for (const item of roadmap?.plan.items ?? []) {
    if (item.kind !== 'redesign' || !item.serviceAreaId) continue;
    const seen = schedules.get(item.serviceAreaId);
    if (!seen || item.startDate < seen.startDate) schedules.set(item.serviceAreaId, item);
  }
  return schedules;
}

/** The proposal as a roadmap plan, so the roadmap's own rules judge it as they would a scenario. */
function proposalPlan(input: PlannerInput, proposal: Proposal): RoadmapPlan {
  const areas = new Map(input.areas.map((a) => [a.id, a]));
  const items: RoadmapItem[] = proposal.items.map((i) => ({
    ...i.schedule,
    id: i.areaId,
    title: `${areas.get(i.areaId)!.name} redesign`,
    kind: 'redesign',
    status: 'proposed',
    serviceAreaId: i.areaId,
    councilId: null,
    contractIds: areas.get(i.areaId)!.contracts.map((c) => c.id)
  }));
  const placed = new Set(items.map((i) => i.id));
  return {
    settings: input.settings,
    items,
    dependencies: input.areas.flatMap((a) =>
      a.dependsOn
        .filter((before) => placed.has(before) && placed.has(a.id))
        .map((before) => ({ predecessorId: before, successorId: a.id }))
    ),
    serviceAreas: input.areas.map((a) => ({ id: a.id, name: a.name, category: 'service' })),
    // The rules need contract terms: the current end and the latest end say all they use.
    contracts: input.areas.flatMap((a) =>
      a.contracts.map((c) => ({
        id: c.id,
        reference: c.reference,
        title: c.title,
        startDate: null,
        endDate: c.ends[0]!,
        noticePeriodValue: null,
        noticePeriodUnit: null,
        maxEndDate: c.ends.at(-1)!,
        extensionOptions: []
      }))
    )
  };
}

/**
 * Everything the propose page draws: the proposal on the roadmap's timeline (bars link to
 * their row in the table that says why each sits where it does), the current scenario on the
 * same time window, and the cost of the current plan, the proposal and the naive plan.
 */
export function proposalView(
  input: PlannerInput,
  proposal: Proposal,
  naive: Proposal,
  current: LoadedRoadmap | null,
  today: IsoDate,
  itemHref: (id: string) => string
) {
  const areas = new Map(input.areas.map((a) => [a.id, a]));
  const plan = proposalPlan(input, proposal);
  const warnings = evaluateRoadmap(plan);
  const notes = warningNotes(warningsByItem(warnings));
  const currentView = current && clientView(roadmapView(current, 'area', today, itemHref));
  const end = horizonEnd(input.settings);
  const own = timelineWindow(
    { today, vestingDate: input.settings.vestingDate, horizonEnd: end },
    plan.items
  );
  const window = currentView
    ? {
        from: own.from < currentView.window.from ? own.from : currentView.window.from,
        to: own.to > currentView.window.to ? own.to : currentView.window.to
      }
    : own;
  const items = plan.items.map((item) => ({
    ...item,
    version: 0,
    owner: null,
    href: `#why-${item.id}`,
    contractEnds: areas.get(item.id)!.contracts.map((c) => ({
      contractId: c.id,
      reference: c.reference,
      date: c.ends[0]!
    }))
  }));
  const rows = proposal.items.map((placed) => {
    const area = areas.get(placed.areaId)!;
    const goLive = monthIndex(placed.schedule.liveStart);
    const costs = area.contracts.map((c) => contractCost(c, goLive));
    return {
      areaId: area.id,
      name: area.name,
      priority: area.priority,
      contracts: area.contracts.length,
      schedule: placed.schedule,
      why: bindingText(placed, areas),
      binding: placed.binding,
      bridgingMonths: costs.reduce((n, c) => n + c.bridging, 0),
      doubleRunningMonths: costs.reduce((n, c) => n + c.doubleRunning, 0)
    };
  });
  return {
    costs: {
      current: planCost(input, currentSchedules(current)),
      proposed: proposal.cost,
      naive: naive.cost
    },
    proposed: {
      items,
      dependencies: plan.dependencies,
      lanes: lanesFor(
        'area',
        plan.items,
        { areas: plan.serviceAreas, councils: [] },
        STATUS_LABELS
      ),
      warnings,
      notes
    },
    current: currentView,
    window,
    horizonEnd: end,
    rows,
    unplaced: proposal.unplaced.map((u) => ({
      areaId: u.areaId,
      name: areas.get(u.areaId)?.name ?? 'A service area',
      why: UNPLACED_TEXT[u.reason]
    })),
    cycles: proposal.cycles.map((cycle) => cycle.map((id) => areas.get(id)?.name ?? id)),
    fingerprint: inputFingerprint(input)
  };
}

export type ProposalView = ReturnType<typeof proposalView>;
