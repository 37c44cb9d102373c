import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamptz, uuidPrimaryKey, createdAt, version } from './columns';

export const users = pgTable(
  'users',
  {
    id: uuidPrimaryKey(),
    /** Stored trimmed and lower-cased; the unique index is the source of truth. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    disabledAt: timestamptz('disabled_at'),
    passwordChangedAt: timestamptz('password_changed_at'),
    createdAt: createdAt(),
    version: version()
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)]
);

/**
 * Sessions follow the Lucia guide: the cookie holds a random token, the table holds only
 * its SHA-256 (hex) as the id, so a leaked table cannot be replayed as cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Idle expiry; slides forward while the session is used, never past the absolute limit. */
    expiresAt: timestamptz('expires_at').notNull(),
    /** Absolute expiry, fixed at sign-in. */
    absoluteExpiresAt: timestamptz('absolute_expires_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent')
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)]
);

/**
 * The demo account's first password, kept only so it can be printed at each start until
 * someone changes it (then the row is deleted). Never written when SEED_DEMO=false.
 */
export const demoCredentials = pgTable('demo_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  initialPassword: text('initial_password').notNull(),
  createdAt: createdAt()
});
