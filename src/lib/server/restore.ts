import { and, eq } from 'drizzle-orm';
import { recordAudit } from './audit';
import type { SessionUser } from './auth/sessions';
import { restoreContract, type ContractSnapshot } from './contracts/writes';
import { restoreCouncil } from './councils';
import { restoreItem } from './roadmap/delete-item';
import { restoreServiceArea } from './service-areas';
import { restoreSystem } from './systems';
import type { Database, Transaction } from './db';
import { auditEvents } from './db/schema';

type Restorer = (
  tx: Transaction,
  programmeId: string,
  snapshot: never
) => Promise<{ ok: true } | { ok: false; message: string }>;

/** Deleted records that can come back, by the audit action that deleted them. */
export const RESTORERS: Record<string, Restorer> = {
  contract_deleted: (tx, programmeId, snapshot: ContractSnapshot) =>
    restoreContract(tx, programmeId, snapshot),
  council_deleted: (tx, programmeId, snapshot: Parameters<typeof restoreCouncil>[2]) =>
    restoreCouncil(tx, programmeId, snapshot),
  system_deleted: (tx, programmeId, snapshot: unknown) => restoreSystem(tx, programmeId, snapshot),
  roadmap_item_deleted: (tx, programmeId, snapshot: unknown) =>
    restoreItem(tx, programmeId, snapshot),
  service_area_deleted: (tx, programmeId, snapshot: Parameters<typeof restoreServiceArea>[2]) =>
    restoreServiceArea(tx, programmeId, snapshot)
};

export function canRestore(action: string): boolean {
  return action in RESTORERS;
}

/**
 * Brings back a deleted record from the snapshot its deletion event kept, in one transaction
 * with a 'restored' event. Owners only (checked by the caller through access.ts).
 */
export async function restoreFromAudit(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  eventId: number,
  ip: string | null
): Promise<{ ok: true; entity: string } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.id, eventId), eq(auditEvents.programmeId, programmeId)));
    const restorer = event ? RESTORERS[event.action] : undefined;
    if (!event || !restorer || !event.before)
      return { ok: false as const, message: 'This event cannot be restored' };
    const result = await restorer(tx, programmeId, event.before as never);
    if (!result.ok) return result;
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: event.entity,
      entityId: event.entityId,
      action: `${event.entity}_restored`,
      after: { fromEvent: event.id },
      ipAddress: ip
    });
    return { ok: true as const, entity: event.entity };
  });
}
