import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { roadmapDependencies, roadmapItemContracts, roadmapItemSystems } from '../db/schema';
import type { ItemLinks } from './items';

/** An item's links as they are now: three queries. */
export async function roadmapItemLinks(
  db: DatabaseOrTransaction,
  itemId: string
): Promise<ItemLinks> {
  const [dependsOn, contractRows, systemRows] = await Promise.all([
    db
      .select({ id: roadmapDependencies.predecessorId })
      .from(roadmapDependencies)
      .where(eq(roadmapDependencies.successorId, itemId)),
    db
      .select({ id: roadmapItemContracts.contractId })
      .from(roadmapItemContracts)
      .where(eq(roadmapItemContracts.itemId, itemId)),
    db
      .select({ id: roadmapItemSystems.systemId })
      .from(roadmapItemSystems)
      .where(eq(roadmapItemSystems.itemId, itemId))
  ]);
  return {
    dependsOn: dependsOn.map((r) => r.id),
    contractIds: contractRows.map((r) => r.id),
    systemIds: systemRows.map((r) => r.id)
  };
}
