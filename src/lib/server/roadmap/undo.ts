import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROADMAP_ITEM_KINDS, ROADMAP_SIZES, ROADMAP_STATUSES } from '#lib/domain/roadmap/index.ts';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { auditEvents, roadmapItems } from '../db/schema';
import { changeLane, moveItem, updateItem } from './items';
import { roadmapItemLinks } from './links';

const UNDOABLE = ['roadmap_item_moved', 'roadmap_item_updated', 'roadmap_item_lane_changed'];

const date = z.iso.date();
const snapshot = z.object({
  title: z.string().min(1),
  kind: z.enum(ROADMAP_ITEM_KINDS),
  serviceAreaId: z.uuid().nullable(),
  councilId: z.uuid().nullable(),
  status: z.enum(ROADMAP_STATUSES),
  owner: z.string().nullable(),
  size: z.enum(ROADMAP_SIZES),
  notes: z.string().nullable(),
  startDate: date,
  alphaStart: date,
  betaStart: date,
  liveStart: date,
  endDate: date,
  version: z.number().int().min(1)
});

export interface UndoOffer {
  eventId: number;
  itemId: string;
  title: string;
  action: string;
  /** False once the item has changed again (or gone): undoing would overwrite someone. */
  available: boolean;
}

/** What the "undo" banner offers for an event, in one query; null if it is not undoable here. */
export async function undoOffer(
  db: DatabaseOrTransaction,
  programmeId: string,
  eventId: number
): Promise<UndoOffer | null> {
  const [row] = await db
    .select({ event: auditEvents, title: roadmapItems.title, version: roadmapItems.version })
    .from(auditEvents)
    .leftJoin(roadmapItems, eq(sql`${roadmapItems.id}::text`, auditEvents.entityId))
    .where(
      and(
        eq(auditEvents.id, eventId),
        eq(auditEvents.programmeId, programmeId),
        inArray(auditEvents.action, UNDOABLE)
      )
    );
  const after = snapshot.safeParse(row?.event.after);
  if (!row || !after.success || !row.event.entityId) return null;
  return {
    eventId,
    itemId: row.event.entityId,
    title: row.title ?? after.data.title,
    action: row.event.action,
    available: row.version === after.data.version
  };
}

export type UndoResult =
  { ok: true; itemId: string; eventId: number } | { ok: false; message: string };

/**
 * Puts an item back as it was before a move or an edit, through the same optimistic lock as
 * any change: only if nobody has changed it since. Links are left as they are.
 */
export async function undoItemChange(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  eventId: number,
  ipAddress: string | null
): Promise<UndoResult> {
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.id, eventId),
        eq(auditEvents.programmeId, programmeId),
        inArray(auditEvents.action, UNDOABLE)
      )
    );
  const before = snapshot.safeParse(event?.before);
  const after = snapshot.safeParse(event?.after);
  if (!event?.entityId || !before.success || !after.success) {
    return { ok: false, message: 'There is no change to undo' };
  }
  const { version: _before, ...fields } = before.data;
  const result =
    event.action === 'roadmap_item_moved'
      ? await moveItem(
          db,
          actor,
          programmeId,
          event.entityId,
          after.data.version,
          fields,
          ipAddress
        )
      : event.action === 'roadmap_item_lane_changed'
        ? await changeLane(
            db,
            actor,
            programmeId,
            event.entityId,
            after.data.version,
            {
              serviceAreaId: fields.serviceAreaId,
              councilId: fields.councilId,
              status: fields.status
            },
            ipAddress
          )
        : await updateItemFieldsOnly(
            db,
            actor,
            programmeId,
            event.entityId,
            after.data.version,
            fields,
            ipAddress
          );
  if (result.ok) return { ok: true, itemId: event.entityId, eventId: result.eventId };
  if (result.kind === 'gone')
    return { ok: false, message: `${before.data.title} has been deleted` };
  if (result.kind === 'conflict') {
    return {
      ok: false,
      message: `${before.data.title} has been changed since, so the change cannot be undone. Open it to change it back by hand.`
    };
  }
  return { ok: false, message: result.message };
}

/** An edit's undo restores its fields; links stay as they are now. */
async function updateItemFieldsOnly(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  itemId: string,
  version: number,
  fields: Omit<z.infer<typeof snapshot>, 'version'>,
  ipAddress: string | null
) {
  const links = await roadmapItemLinks(db, itemId);
  return updateItem(db, actor, programmeId, itemId, version, fields, links, ipAddress);
}
