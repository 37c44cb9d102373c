import type { PlannerInput, Proposal } from '#lib/domain/planner/index.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db';
import {
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapScenarios
} from '../db/schema';
import { bindingText } from '#lib/domain/planner/index.ts';

/**
 * Saves a proposal as a new scenario (never the current one: the team looks at it, adjusts it
 * and makes it current on the scenarios page), in one transaction with its audit event: one
 * redesign per placed area, linked to the contracts that tie it, with the dependencies
 * between them and why each sits where it does in its notes.
 */
export async function acceptProposal(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  name: string,
  input: PlannerInput,
  proposal: Proposal,
  ipAddress: string | null
): Promise<{ id: string; items: number }> {
  const areas = new Map(input.areas.map((a) => [a.id, a]));
  return db.transaction(async (tx) => {
    const [scenario] = await tx
      .insert(roadmapScenarios)
      .values({
        programmeId,
        name,
        description: 'Proposed by the planner from capacity, dependencies and contract ends.'
      })
      .returning({ id: roadmapScenarios.id });
    const itemOf = new Map<string, string>();
    if (proposal.items.length > 0) {
      const rows = await tx
        .insert(roadmapItems)
        .values(
          proposal.items.map((item) => {
            const area = areas.get(item.areaId)!;
            return {
              programmeId,
              scenarioId: scenario!.id,
              kind: 'redesign' as const,
              title: `${area.name} redesign`,
              serviceAreaId: area.id,
              status: 'proposed' as const,
              size: area.size,
              ...item.schedule,
              notes: `Proposed by the planner: ${bindingText(item, areas)}.`
            };
          })
        )
        .returning({ id: roadmapItems.id });
      proposal.items.forEach((item, i) => itemOf.set(item.areaId, rows[i]!.id));
      const links = proposal.items.flatMap((item) =>
        areas.get(item.areaId)!.contracts.map((c) => ({
          itemId: itemOf.get(item.areaId)!,
          contractId: c.id
        }))
      );
      if (links.length > 0) await tx.insert(roadmapItemContracts).values(links);
      const dependencies = proposal.items.flatMap((item) =>
        areas
          .get(item.areaId)!
          .dependsOn.filter((before) => itemOf.has(before))
          .map((before) => ({
            predecessorId: itemOf.get(before)!,
            successorId: itemOf.get(item.areaId)!
          }))
      );
      if (dependencies.length > 0) await tx.insert(roadmapDependencies).values(dependencies);
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'roadmap_scenario',
      entityId: scenario!.id,
      action: 'roadmap_scenario_proposed',
      after: {
        name,
        items: proposal.items.length,
        unplaced: proposal.unplaced.map((u) => u.areaId),
        capacity: input.settings.capacity,
        capacityByYear: input.capacityByYear,
        cost: proposal.cost
      },
      ipAddress
    });
    return { id: scenario!.id, items: proposal.items.length };
  });
}
