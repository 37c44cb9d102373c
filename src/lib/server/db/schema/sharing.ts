import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { roadmapScenarios } from './roadmap';
import { users } from './users';
import { timestamptz, uuidPrimaryKey, createdAt } from './columns';
import { programmeId } from './programme-column';

/**
 * A read-only link to one roadmap scenario's present view (/share/[token]) for people without
 * an account. The token is the credential, so like a session only its SHA-256 is stored; it
 * stops working on its expiry date or when revoked, whichever comes first.
 */
export const shareLinks = pgTable(
  'share_links',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => roadmapScenarios.id, { onDelete: 'cascade' }),
    /**
     * A future reference to an approved roadmap baseline (a frozen copy to show instead of the
     * live scenario). No foreign key yet: the baselines table does not exist.
     */
    baselineId: uuid('baseline_id'),
    /** What the link is for, so the list says who it was given to ("Cabinet, 3 March"). */
    label: text('label').notNull(),
    /** SHA-256 (hex) of the token in the address. */
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** The last day the link works (UTC, inclusive). */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    revokedAt: timestamptz('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    viewCount: integer('view_count').notNull().default(0),
    firstViewedAt: timestamptz('first_viewed_at'),
    lastViewedAt: timestamptz('last_viewed_at')
  },
  (t) => [
    index('share_links_programme_idx').on(t.programmeId),
    check('share_links_label_length', sql`char_length(${t.label}) between 1 and 120`)
  ]
);
