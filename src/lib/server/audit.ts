import type { DatabaseOrTransaction } from './db';
import { auditEvents } from './db/schema';
import { bumpRevision } from './revisions';

export interface AuditEventInput {
  userId?: string | null;
  /** Who acted when there is no user id to point at, e.g. the email typed at a failed sign-in. */
  actorLabel?: string | null;
  programmeId?: string | null;
  entity: string;
  entityId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
}

/**
 * Call inside the transaction that makes the change, so the event and the change land together.
 * It also raises the programme's revision (see `revisions.ts`), which tells caches of derived
 * figures that the programme changed. Returns the event's id (an undo link points at it).
 */
export async function recordAudit(
  db: DatabaseOrTransaction,
  event: AuditEventInput
): Promise<number> {
  const [row] = await db
    .insert(auditEvents)
    .values({
      userId: event.userId ?? null,
      actorLabel: event.actorLabel?.slice(0, 320) ?? null,
      programmeId: event.programmeId ?? null,
      entity: event.entity,
      entityId: event.entityId ?? null,
      action: event.action,
      before: event.before ?? null,
      after: event.after ?? null,
      ipAddress: event.ipAddress ?? null
    })
    .returning({ id: auditEvents.id });
  if (event.programmeId) await bumpRevision(db, event.programmeId);
  return row!.id;
}
