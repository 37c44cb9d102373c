import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { programmes } from './programmes';
import { users } from './users';

/**
 * Append-only record of who changed what. Written in the same transaction as the change it
 * describes; user and programme are kept as plain ids too so events outlive deletions.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label'),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ipAddress: text('ip_address')
  },
  (t) => [
    index('audit_events_programme_idx').on(t.programmeId, t.occurredAt),
    index('audit_events_user_idx').on(t.userId),
    // Sign-in throttling counts recent failures per account and per address.
    index('audit_events_actor_action_idx').on(t.actorLabel, t.action, t.occurredAt),
    index('audit_events_ip_action_idx').on(t.ipAddress, t.action, t.occurredAt)
  ]
);
