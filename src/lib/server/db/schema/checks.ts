import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  uuid
} from 'drizzle-orm/pg-core';
import { councils, programmes } from './programmes';
import { systems } from './inventory';
import { users } from './users';
import { timestamptz, uuidPrimaryKey, updatedAt, version } from './columns';
import { programmeId } from './programme-column';

export const tenancyStatus = pgEnum('tenancy_status', [
  'in_target',
  'migration_planned',
  'cross_tenant',
  'not_started',
  'unknown'
]);
export const financeMove = pgEnum('finance_move', ['migrated', 'hosted', 'not_planned']);
export const redirectPlan = pgEnum('redirect_plan', ['live', 'planned', 'none']);
export const controlStatus = pgEnum('control_status', [
  'met',
  'in_progress',
  'not_met',
  'not_applicable'
]);
export const savingsCategory = pgEnum('savings_category', ['digital', 'other']);
export const snapshotTrigger = pgEnum('check_snapshot_trigger', ['manual', 'daily']);

/**
 * The day-one facts of one council (one row, one version): predecessors record how their
 * tenancy, finance and website move; successors their target tenant, day-one finance system
 * and new website. No row means nothing recorded yet, which the checks treat as not known.
 */
export const councilDayOneFacts = pgTable(
  'council_day_one_facts',
  {
    councilId: uuid('council_id')
      .primaryKey()
      .references(() => councils.id, { onDelete: 'cascade' }),
    programmeId: programmeId(),
    tenancyStatus: tenancyStatus('tenancy_status'),
    tenancyDate: date('tenancy_date', { mode: 'string' }),
    financeMove: financeMove('finance_move'),
    financeHostCouncilId: uuid('finance_host_council_id').references(() => councils.id, {
      onDelete: 'set null'
    }),
    financeDate: date('finance_date', { mode: 'string' }),
    redirectPlan: redirectPlan('redirect_plan'),
    redirectDate: date('redirect_date', { mode: 'string' }),
    legacyRouting: boolean('legacy_routing'),
    targetTenant: text('target_tenant'),
    financeSystemId: uuid('finance_system_id').references(() => systems.id, {
      onDelete: 'set null'
    }),
    websiteUrl: text('website_url'),
    websiteGoLive: date('website_go_live', { mode: 'string' }),
    updatedAt: updatedAt(),
    version: version()
  },
  (t) => [index('council_day_one_facts_programme_idx').on(t.programmeId)]
);

/** The programme's catalogue of baseline security controls, editable. */
export const securityControls = pgTable(
  'security_controls',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
    version: version()
  },
  (t) => [
    uniqueIndex('security_controls_programme_name_unique').on(t.programmeId, sql`lower(${t.name})`)
  ]
);

export const councilSecurityControls = pgTable(
  'council_security_controls',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    controlId: uuid('control_id')
      .notNull()
      .references(() => securityControls.id, { onDelete: 'cascade' }),
    programmeId: programmeId(),
    status: controlStatus('status').notNull(),
    evidence: text('evidence'),
    expiryDate: date('expiry_date', { mode: 'string' }),
    updatedAt: updatedAt(),
    version: version()
  },
  (t) => [
    primaryKey({ columns: [t.councilId, t.controlId] }),
    index('council_security_controls_programme_idx').on(t.programmeId)
  ]
);

/** Business-case savings assumptions: programme year 1 starts on vesting day. */
export const savingsLines = pgTable(
  'savings_lines',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    programmeYear: integer('programme_year').notNull(),
    category: savingsCategory('category').notNull(),
    description: text('description').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    version: version()
  },
  (t) => [
    index('savings_lines_programme_idx').on(t.programmeId),
    check('savings_lines_year_range', sql`${t.programmeYear} between 1 and 30`),
    check('savings_lines_amount_not_negative', sql`${t.amountPence} >= 0`)
  ]
);

/** Check thresholds per programme; no row means the defaults (domain/checks/settings.ts). */
export const checkSettings = pgTable(
  'check_settings',
  {
    programmeId: uuid('programme_id')
      .primaryKey()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    contractHorizonMonths: integer('contract_horizon_months').notNull(),
    noticeUrgentDays: integer('notice_urgent_days').notNull(),
    securityExpiryMonths: integer('security_expiry_months').notNull(),
    savingsProtectedYears: integer('savings_protected_years').notNull(),
    cutoverMarginDays: integer('cutover_margin_days').notNull(),
    updatedAt: updatedAt(),
    version: version()
  },
  (t) => [
    check('check_settings_horizon_range', sql`${t.contractHorizonMonths} between 0 and 60`),
    check('check_settings_notice_range', sql`${t.noticeUrgentDays} between 0 and 365`),
    check('check_settings_expiry_range', sql`${t.securityExpiryMonths} between 0 and 36`),
    check('check_settings_savings_range', sql`${t.savingsProtectedYears} between 0 and 10`),
    check('check_settings_margin_range', sql`${t.cutoverMarginDays} between 0 and 365`)
  ]
);

/**
 * The readiness results at a moment, for the trend chart: taken when an editor asks, and once
 * a day on the first visit of the readiness page (one 'daily' row per programme and UTC day).
 */
export const checkSnapshots = pgTable(
  'check_snapshots',
  {
    id: serial('id').primaryKey(),
    programmeId: programmeId(),
    takenAt: timestamptz('taken_at').notNull().defaultNow(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    trigger: snapshotTrigger('trigger').notNull(),
    takenBy: uuid('taken_by').references(() => users.id, { onDelete: 'set null' }),
    verdict: text('verdict').notNull(),
    passCount: integer('pass_count').notNull(),
    warnCount: integer('warn_count').notNull(),
    failCount: integer('fail_count').notNull(),
    unknownCount: integer('unknown_count').notNull(),
    results: jsonb('results').notNull()
  },
  (t) => [
    index('check_snapshots_programme_idx').on(t.programmeId, t.takenAt),
    uniqueIndex('check_snapshots_one_daily')
      .on(t.programmeId, t.takenOn)
      .where(sql`${t.trigger} = 'daily'`)
  ]
);
