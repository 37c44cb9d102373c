import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { addDays, type IsoDate } from '#lib/domain/dates.ts';
import type { DatabaseOrTransaction } from './db';
import { auditEvents, users } from './db/schema';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  entity?: string;
  action?: string;
  user?: string;
  from?: IsoDate;
  to?: IsoDate;
  page: number;
}

/** A programme's audit events, newest first, one page at a time: two queries. */
export async function listAuditEvents(
  db: DatabaseOrTransaction,
  programmeId: string,
  f: AuditFilters
) {
  const conditions: SQL[] = [eq(auditEvents.programmeId, programmeId)];
  if (f.entity) conditions.push(eq(auditEvents.entity, f.entity));
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  if (f.user) conditions.push(eq(auditEvents.userId, f.user));
  if (f.from) conditions.push(gte(auditEvents.occurredAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conditions.push(lt(auditEvents.occurredAt, new Date(`${addDays(f.to, 1)}T00:00:00Z`)));
  const where = and(...conditions);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(auditEvents).where(where),
    db
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        entity: auditEvents.entity,
        entityId: auditEvents.entityId,
        action: auditEvents.action,
        before: auditEvents.before,
        after: auditEvents.after,
        userName: users.displayName,
        actorLabel: auditEvents.actorLabel
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((f.page - 1) * AUDIT_PAGE_SIZE)
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, page: f.page, pageCount: Math.max(1, Math.ceil(n / AUDIT_PAGE_SIZE)) };
}

/** The choices for the filters: who has acted on this programme, and which kinds of event exist. */
export async function auditFilterOptions(db: DatabaseOrTransaction, programmeId: string) {
  const rows = await db
    .selectDistinct({
      entity: auditEvents.entity,
      action: auditEvents.action,
      userId: auditEvents.userId,
      userName: users.displayName
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(eq(auditEvents.programmeId, programmeId));
  const people = new Map<string, string>();
  for (const r of rows) if (r.userId && r.userName) people.set(r.userId, r.userName);
  return {
    entities: [...new Set(rows.map((r) => r.entity))].sort(),
    actions: [...new Set(rows.map((r) => r.action))].sort(),
    people: [...people]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name))
  };
}
