import { foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import { timestamptz, uuidPrimaryKey, createdAt } from './columns';
import { programmeId } from './programme-column';
import { programmeMembers } from './programmes';

/**
 * A person's secret calendar address for one programme's deadlines (/calendar/[token].ics).
 * Calendar apps such as Outlook cannot sign in, so the address is the credential: like a
 * session, only the SHA-256 of its token is stored, and revoking it ends it for good.
 *
 * It belongs to a membership, not just to a person: when the membership ends the row goes
 * with it (the foreign key below), so adding the person back can never bring an old address
 * back to life. Removing a member deletes the rows first, to audit each one (members/removal.ts);
 * the cascade covers every other way a membership ends.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 (hex) of the token in the address. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    /** When a calendar last fetched it: tells the person whether their subscription works. */
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at')
  },
  (t) => [
    index('calendar_feeds_user_programme_idx').on(t.userId, t.programmeId),
    foreignKey({
      name: 'calendar_feeds_membership_fk',
      columns: [t.programmeId, t.userId],
      foreignColumns: [programmeMembers.programmeId, programmeMembers.userId]
    }).onDelete('cascade')
  ]
);
