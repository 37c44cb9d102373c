import {
  bigint,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './users';
import { uuidPrimaryKey, createdAt, editableRowColumns } from './columns';

export const memberRole = pgEnum('member_role', ['owner', 'editor', 'viewer']);
export const councilRole = pgEnum('council_role', ['predecessor', 'successor']);
export const councilKind = pgEnum('council_kind', [
  'county',
  'district',
  'unitary',
  'metropolitan',
  'london_borough'
]);

export const programmes = pgTable(
  'programmes',
  {
    id: uuidPrimaryKey(),
    /** Readable, stable URL segment: /programmes/[slug]. */
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    area: text('area').notNull().default(''),
    /** Day one: the date the successor councils come into being (YYYY-MM-DD). */
    vestingDate: date('vesting_date', { mode: 'string' }).notNull(),
    horizonYears: integer('horizon_years').notNull().default(10),
    /** Most service redesigns that may run at once. */
    capacity: integer('capacity').notNull().default(3),
    /** Months after vesting day before redesigns may start. */
    stabilisationMonths: integer('stabilisation_months').notNull().default(12),
    ...editableRowColumns()
  },
  (t) => [
    check('programmes_horizon_range', sql`${t.horizonYears} between 1 and 30`),
    check('programmes_capacity_range', sql`${t.capacity} between 1 and 50`),
    check('programmes_stabilisation_range', sql`${t.stabilisationMonths} between 0 and 60`)
  ]
);

/**
 * A counter raised in the same transaction as every audited change in the programme
 * (`recordAudit`): caches of derived figures (the readiness checks) compare it with the value
 * they were computed at. A row of its own, so it never takes the programme row's lock or
 * touches its optimistic-locking version.
 */
export const programmeRevisions = pgTable('programme_revisions', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0)
});

export const programmeMembers = pgTable(
  'programme_members',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: createdAt()
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.userId] }),
    index('programme_members_user_idx').on(t.userId)
  ]
);

export const councils = pgTable(
  'councils',
  {
    id: uuidPrimaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: councilRole('role').notNull(),
    kind: councilKind('kind').notNull(),
    /** ONS GSS code, e.g. E07000223; null for a successor not yet coded. */
    gssCode: text('gss_code'),
    website: text('website'),
    /** Microsoft 365 tenant domain, e.g. example.onmicrosoft.com. */
    m365Tenant: text('m365_tenant'),
    ...editableRowColumns()
  },
  (t) => [unique('councils_programme_name_unique').on(t.programmeId, t.name)]
);

/** Predecessor → successor, many-to-many: a county split between two unitaries is normal. */
export const successions = pgTable(
  'successions',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    note: text('note')
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('successions_successor_idx').on(t.successorId),
    check('successions_not_self', sql`${t.predecessorId} <> ${t.successorId}`)
  ]
);
