import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  bindingContract,
  SIZE_PHASES,
  type BindingContract,
  type PlannerArea
} from '#lib/domain/planner/index.ts';
import { compareIsoDates } from '#lib/domain/dates.ts';
import type { RoadmapSize } from '#lib/domain/roadmap/index.ts';
import type { DatabaseOrTransaction } from '../db';
import {
  contractExtensionOptions,
  contracts,
  contractSystems,
  roadmapDependencies,
  roadmapItems,
  serviceAreas,
  systems
} from '../db/schema';

export interface PlannerDefaults {
  /** Every service area to redesign, with what the inventory and current plan say about it. */
  areas: PlannerArea[];
}

/**
 * What the planner starts from, in a fixed number of queries: the programme's service areas
 * (not the corporate foundations, which do not count against capacity) with their priority;
 * the contracts that tie each (contracts of its systems, still running on vesting day) with
 * their remaining extension options; and, from the current scenario, each area's redesign
 * size and the dependencies between areas' redesigns.
 */
export async function plannerDefaults(
  db: DatabaseOrTransaction,
  programme: { id: string; vestingDate: string },
  currentScenarioId: string | null
): Promise<PlannerDefaults> {
  const [areaRows, contractRows, itemRows, dependencyRows] = await Promise.all([
    db
      .select({ id: serviceAreas.id, name: serviceAreas.name, priority: serviceAreas.priority })
      .from(serviceAreas)
      .where(and(eq(serviceAreas.programmeId, programme.id), eq(serviceAreas.category, 'service')))
      .orderBy(asc(serviceAreas.priority), asc(serviceAreas.name)),
    db
      .selectDistinct({
        serviceAreaId: systems.serviceAreaId,
        id: contracts.id,
        reference: contracts.reference,
        title: contracts.title,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        maxEndDate: contracts.maxEndDate,
        noticePeriodValue: contracts.noticePeriodValue,
        noticePeriodUnit: contracts.noticePeriodUnit
      })
      .from(contracts)
      .innerJoin(contractSystems, eq(contractSystems.contractId, contracts.id))
      .innerJoin(systems, eq(systems.id, contractSystems.systemId))
      .where(eq(contracts.programmeId, programme.id))
      .orderBy(asc(contracts.reference), asc(contracts.id)),
    currentScenarioId
      ? db
          .select({
            id: roadmapItems.id,
            serviceAreaId: roadmapItems.serviceAreaId,
            size: roadmapItems.size,
            startDate: roadmapItems.startDate
          })
          .from(roadmapItems)
          .where(
            and(eq(roadmapItems.scenarioId, currentScenarioId), eq(roadmapItems.kind, 'redesign'))
          )
          .orderBy(asc(roadmapItems.startDate), asc(roadmapItems.id))
      : [],
    currentScenarioId
      ? db
          .select({
            predecessorId: roadmapDependencies.predecessorId,
            successorId: roadmapDependencies.successorId
          })
          .from(roadmapDependencies)
          .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapDependencies.successorId))
          .where(eq(roadmapItems.scenarioId, currentScenarioId))
      : []
  ]);
  const contractIds = [...new Set(contractRows.map((c) => c.id))];
  const optionRows =
    contractIds.length === 0
      ? []
      : await db
          .select()
          .from(contractExtensionOptions)
          .where(inArray(contractExtensionOptions.contractId, contractIds))
          .orderBy(asc(contractExtensionOptions.position));
  const optionsOf = new Map<string, { lengthMonths: number; exercised: boolean }[]>();
  for (const o of optionRows) {
    optionsOf.set(o.contractId, [...(optionsOf.get(o.contractId) ?? []), o]);
  }
  const byArea = new Map<string, BindingContract[]>();
  for (const row of contractRows) {
    if (!row.serviceAreaId) continue;
    const { serviceAreaId, ...terms } = row;
    const binding = bindingContract({ ...terms, extensionOptions: optionsOf.get(row.id) ?? [] });
    // A contract that cannot run past vesting day is day one's problem, not the roadmap's.
    if (!binding || compareIsoDates(binding.ends.at(-1)!, programme.vestingDate) < 0) continue;
    const list = byArea.get(serviceAreaId) ?? [];
    if (!list.some((c) => c.id === binding.id)) byArea.set(serviceAreaId, [...list, binding]);
  }
  // An area's first redesign in the current plan stands for it.
  const itemArea = new Map<string, string>();
  const size = new Map<string, RoadmapSize>();
  for (const item of itemRows) {
    if (!item.serviceAreaId) continue;
    itemArea.set(item.id, item.serviceAreaId);
    if (!size.has(item.serviceAreaId)) size.set(item.serviceAreaId, item.size);
  }
  const dependsOn = new Map<string, Set<string>>();
  for (const d of dependencyRows) {
    const before = itemArea.get(d.predecessorId);
    const after = itemArea.get(d.successorId);
    if (!before || !after || before === after) continue;
    dependsOn.set(after, (dependsOn.get(after) ?? new Set()).add(before));
  }
  return {
    areas: areaRows.map((a) => {
      const s = size.get(a.id) ?? 'm';
      return {
        id: a.id,
        name: a.name,
        priority: a.priority,
        size: s,
        phases: SIZE_PHASES[s],
        dependsOn: [...(dependsOn.get(a.id) ?? [])].sort(),
        contracts: byArea.get(a.id) ?? []
      };
    })
  };
}
