import { SIZE_PHASES, type PlannerArea, type PlannerInput } from '#lib/domain/planner/index.ts';
import { quarterLoads, type RoadmapItem } from '#lib/domain/roadmap/index.ts';
import type { Proposal } from '#lib/domain/planner/index.ts';

export const SETTINGS = {
  vestingDate: '2028-04-01',
  horizonYears: 10,
  capacity: 2,
  stabilisationMonths: 12
};

export function area(id: string, extra: Partial<PlannerArea> = {}): PlannerArea {
  return {
    id,
    name: `Area ${id}`,
    priority: 3,
    size: 'm',
    phases: SIZE_PHASES.m,
    dependsOn: [],
    contracts: [],
    ...extra
  };
}

export function input(areas: PlannerArea[], extra: Partial<PlannerInput> = {}): PlannerInput {
  return { settings: SETTINGS, capacityByYear: {}, areas, ...extra };
}

/** The proposal as roadmap items, for the roadmap's own rules. */
export function asItems(p: Proposal): RoadmapItem[] {
  return p.items.map((i) => ({
    ...i.schedule,
    id: i.areaId,
    title: i.areaId,
    kind: 'redesign',
    status: 'proposed',
    serviceAreaId: i.areaId,
    councilId: null,
    contractIds: []
  }));
}

/** Quarters where more redesigns are in flight than the input allows, by `quarterLoads`. */
export function overloadedQuarters(plannerInput: PlannerInput, p: Proposal): string[] {
  const items = asItems(p);
  if (items.length === 0) return [];
  const from = items.map((i) => i.startDate).sort()[0]!;
  const to = items
    .map((i) => i.endDate)
    .sort()
    .at(-1)!;
  return quarterLoads(items, from, to)
    .filter(
      (q) =>
        q.itemIds.length >
        (plannerInput.capacityByYear[Number(q.start.slice(0, 4))] ?? plannerInput.settings.capacity)
    )
    .map((q) => q.start);
}

/** Dependencies whose successor starts before its predecessor ends. */
export function brokenDependencies(plannerInput: PlannerInput, p: Proposal): string[] {
  const byArea = new Map(p.items.map((i) => [i.areaId, i.schedule]));
  return plannerInput.areas.flatMap((a) => {
    const after = byArea.get(a.id);
    return a.dependsOn.flatMap((pred) => {
      const before = byArea.get(pred);
      if (!after) return [];
      if (!before) return [`${pred} → ${a.id} (predecessor not placed)`];
      return after.startDate < before.endDate ? [`${pred} → ${a.id}`] : [];
    });
  });
}
