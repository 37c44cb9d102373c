import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { groupBy } from '#lib/domain/collections.ts';
import { currentEnd } from '#lib/domain/contracts.ts';
import type { RoadmapContract, RoadmapItem, RoadmapPlan } from '#lib/domain/roadmap/index.ts';
import type { DatabaseOrTransaction } from '../db';
import {
  contractExtensionOptions,
  contracts,
  councils,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapItemSystems,
  roadmapMilestones,
  roadmapScenarios,
  serviceAreas,
  systems
} from '../db/schema';

export type ScenarioRow = typeof roadmapScenarios.$inferSelect;
export type RoadmapItemRow = typeof roadmapItems.$inferSelect;

export interface ProgrammeSettings {
  id: string;
  vestingDate: string;
  horizonYears: number;
  capacity: number;
  stabilisationMonths: number;
}

/** A programme's scenarios, the current one first, then newest first. One query. */
export function listScenarios(db: DatabaseOrTransaction, programmeId: string) {
  return db
    .select()
    .from(roadmapScenarios)
    .where(eq(roadmapScenarios.programmeId, programmeId))
    .orderBy(desc(roadmapScenarios.isCurrent), desc(roadmapScenarios.createdAt));
}

/** The scenario asked for (if it is this programme's), else the current one; null if none. */
export async function findScenario(
  db: DatabaseOrTransaction,
  programmeId: string,
  scenarioId: string | null
): Promise<ScenarioRow | null> {
  const [row] = await db
    .select()
    .from(roadmapScenarios)
    .where(
      and(
        eq(roadmapScenarios.programmeId, programmeId),
        scenarioId ? eq(roadmapScenarios.id, scenarioId) : eq(roadmapScenarios.isCurrent, true)
      )
    );
  return row ?? null;
}

export interface LoadedRoadmap {
  scenario: ScenarioRow;
  plan: RoadmapPlan;
  items: (RoadmapItemRow & { contractIds: string[]; systemIds: string[] })[];
  milestones: { id: string; name: string; date: string; version: number }[];
  contracts: (RoadmapContract & { currentEnd: string | null })[];
  councils: { id: string; name: string }[];
}

/**
 * Everything the roadmap page and the rules need for one scenario, in a fixed number of
 * queries whatever the size: items, dependencies, links, milestones, service areas, new
 * councils, and the linked contracts with their extension options.
 */
export async function loadRoadmap(
  db: DatabaseOrTransaction,
  programme: ProgrammeSettings,
  scenario: ScenarioRow
): Promise<LoadedRoadmap> {
  const inScenario = eq(roadmapItems.scenarioId, scenario.id);
  const [
    itemRows,
    dependencyRows,
    contractLinks,
    systemLinks,
    milestoneRows,
    areaRows,
    councilRows
  ] = await Promise.all([
    db
      .select()
      .from(roadmapItems)
      .where(inScenario)
      .orderBy(asc(roadmapItems.startDate), asc(roadmapItems.title)),
    db
      .select({
        predecessorId: roadmapDependencies.predecessorId,
        successorId: roadmapDependencies.successorId
      })
      .from(roadmapDependencies)
      .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapDependencies.successorId))
      .where(inScenario),
    db
      .select({ itemId: roadmapItemContracts.itemId, contractId: roadmapItemContracts.contractId })
      .from(roadmapItemContracts)
      .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapItemContracts.itemId))
      .where(inScenario),
    db
      .select({ itemId: roadmapItemSystems.itemId, systemId: roadmapItemSystems.systemId })
      .from(roadmapItemSystems)
      .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapItemSystems.itemId))
      .where(inScenario),
    db
      .select({
        id: roadmapMilestones.id,
        name: roadmapMilestones.name,
        date: roadmapMilestones.date,
        version: roadmapMilestones.version
      })
      .from(roadmapMilestones)
      .where(eq(roadmapMilestones.scenarioId, scenario.id))
      .orderBy(asc(roadmapMilestones.date)),
    db
      .select({ id: serviceAreas.id, name: serviceAreas.name, category: serviceAreas.category })
      .from(serviceAreas)
      .where(eq(serviceAreas.programmeId, programme.id))
      .orderBy(asc(serviceAreas.category), asc(serviceAreas.priority), asc(serviceAreas.name)),
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(and(eq(councils.programmeId, programme.id), eq(councils.role, 'successor')))
      .orderBy(asc(councils.name))
  ]);

  const contractIds = [...new Set(contractLinks.map((l) => l.contractId))];
  const [contractRows, optionRows] =
    contractIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.select().from(contracts).where(inArray(contracts.id, contractIds)),
          db
            .select()
            .from(contractExtensionOptions)
            .where(inArray(contractExtensionOptions.contractId, contractIds))
            .orderBy(asc(contractExtensionOptions.position))
        ]);
  const optionsOf = groupBy(optionRows, (o) => o.contractId);
  const linkedContracts = contractRows.map((c) => {
    const terms = {
      id: c.id,
      reference: c.reference,
      title: c.title,
      startDate: c.startDate,
      endDate: c.endDate,
      noticePeriodValue: c.noticePeriodValue,
      noticePeriodUnit: c.noticePeriodUnit,
      maxEndDate: c.maxEndDate,
      extensionOptions: (optionsOf.get(c.id) ?? []).map((o) => ({
        lengthMonths: o.lengthMonths,
        exercised: o.exercised
      }))
    };
    return { ...terms, currentEnd: currentEnd(terms) };
  });

  const contractsOf = groupBy(contractLinks, (l) => l.itemId);
  const systemsOf = groupBy(systemLinks, (l) => l.itemId);
  const items = itemRows.map((row) => ({
    ...row,
    contractIds: (contractsOf.get(row.id) ?? []).map((l) => l.contractId),
    systemIds: (systemsOf.get(row.id) ?? []).map((l) => l.systemId)
  }));
  const planItems: RoadmapItem[] = items.map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    status: i.status,
    serviceAreaId: i.serviceAreaId,
    councilId: i.councilId,
    contractIds: i.contractIds,
    startDate: i.startDate,
    alphaStart: i.alphaStart,
    betaStart: i.betaStart,
    liveStart: i.liveStart,
    endDate: i.endDate
  }));
  return {
    scenario,
    items,
    milestones: milestoneRows,
    contracts: linkedContracts,
    councils: councilRows,
    plan: {
      settings: {
        vestingDate: programme.vestingDate,
        horizonYears: programme.horizonYears,
        capacity: programme.capacity,
        stabilisationMonths: programme.stabilisationMonths
      },
      items: planItems,
      dependencies: dependencyRows,
      serviceAreas: areaRows,
      contracts: linkedContracts
    }
  };
}

/** What the item form offers: service areas, new councils, contracts and systems. Four queries. */
export async function itemFormOptions(db: DatabaseOrTransaction, programmeId: string) {
  const [areaRows, councilRows, contractRows, systemRows] = await Promise.all([
    db
      .select({ id: serviceAreas.id, name: serviceAreas.name })
      .from(serviceAreas)
      .where(eq(serviceAreas.programmeId, programmeId))
      .orderBy(asc(serviceAreas.name)),
    db
      .select({ id: councils.id, name: councils.name })
      .from(councils)
      .where(and(eq(councils.programmeId, programmeId), eq(councils.role, 'successor')))
      .orderBy(asc(councils.name)),
    db
      .select({ id: contracts.id, name: contracts.title, reference: contracts.reference })
      .from(contracts)
      .where(eq(contracts.programmeId, programmeId))
      .orderBy(asc(contracts.reference)),
    db
      .select({ id: systems.id, name: systems.name, councilName: councils.name })
      .from(systems)
      .innerJoin(councils, eq(councils.id, systems.councilId))
      .where(eq(systems.programmeId, programmeId))
      .orderBy(asc(systems.name), asc(councils.name))
  ]);
  return {
    serviceAreas: areaRows,
    councils: councilRows,
    contracts: contractRows,
    systems: systemRows
  };
}

/** Items per scenario of a programme: one query. */
export async function scenarioItemCounts(db: DatabaseOrTransaction, programmeId: string) {
  const rows = await db
    .select({ scenarioId: roadmapItems.scenarioId, n: count() })
    .from(roadmapItems)
    .where(eq(roadmapItems.programmeId, programmeId))
    .groupBy(roadmapItems.scenarioId);
  return new Map(rows.map((r) => [r.scenarioId, r.n]));
}

/** The items of some scenarios, with what comparing them needs: one query. */
export function scenarioItemsForComparison(db: DatabaseOrTransaction, scenarioIds: string[]) {
  return db
    .select({
      scenarioId: roadmapItems.scenarioId,
      lineageId: roadmapItems.lineageId,
      title: roadmapItems.title,
      startDate: roadmapItems.startDate,
      alphaStart: roadmapItems.alphaStart,
      betaStart: roadmapItems.betaStart,
      liveStart: roadmapItems.liveStart,
      endDate: roadmapItems.endDate
    })
    .from(roadmapItems)
    .where(inArray(roadmapItems.scenarioId, scenarioIds));
}
