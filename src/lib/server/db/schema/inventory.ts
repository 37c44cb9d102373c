import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { councils } from './programmes';
import { uuidPrimaryKey, version, editableRowColumns } from './columns';
import { programmeId } from './programme-column';

/** Money is integer pence; bigint keeps £92 trillion of headroom, read back as a JS number. */
const pence = (name: string) => bigint(name, { mode: 'number' });

export const serviceAreaCategory = pgEnum('service_area_category', ['service', 'foundation']);
export const hosting = pgEnum('hosting', ['on_premises', 'hosted', 'saas']);
export const timeDisposition = pgEnum('time_disposition', [
  'tolerate',
  'invest',
  'migrate',
  'eliminate'
]);
export const noticeUnit = pgEnum('notice_unit', ['days', 'months']);
export const lgrTreatment = pgEnum('lgr_treatment', [
  'undecided',
  'extend',
  'transfer',
  'novate',
  'host',
  'reprocure',
  'terminate',
  'expire'
]);

export const serviceAreas = pgTable(
  'service_areas',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    name: text('name').notNull(),
    category: serviceAreaCategory('category').notNull(),
    /** 1 is highest. */
    priority: integer('priority').notNull().default(3),
    version: version()
  },
  (t) => [unique('service_areas_programme_name_unique').on(t.programmeId, t.name)]
);

export const systems = pgTable(
  'systems',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    serviceAreaId: uuid('service_area_id').references(() => serviceAreas.id, {
      onDelete: 'set null'
    }),
    name: text('name').notNull(),
    product: text('product'),
    vendor: text('vendor'),
    hosting: hosting('hosting'),
    users: integer('users'),
    annualCostPence: pence('annual_cost_pence'),
    lifecycle: text('lifecycle'),
    timeDisposition: timeDisposition('time_disposition'),
    dayOneCritical: boolean('day_one_critical').notNull().default(false),
    ...editableRowColumns()
  },
  (t) => [
    index('systems_programme_idx').on(t.programmeId),
    index('systems_council_idx').on(t.councilId),
    check('systems_cost_not_negative', sql`${t.annualCostPence} >= 0`),
    check('systems_users_not_negative', sql`${t.users} >= 0`)
  ]
);

export const contracts = pgTable(
  'contracts',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    department: text('department'),
    supplierName: text('supplier_name').notNull(),
    supplierCompanyNumber: text('supplier_company_number'),
    startDate: date('start_date', { mode: 'string' }),
    /** The end date as originally let, before any extension option is exercised. */
    endDate: date('end_date', { mode: 'string' }),
    reviewDate: date('review_date', { mode: 'string' }),
    noticePeriodValue: integer('notice_period_value'),
    noticePeriodUnit: noticeUnit('notice_period_unit'),
    /** End if every extension option is used (OCDS maxExtentDate) as published by the council. */
    maxEndDate: date('max_end_date', { mode: 'string' }),
    annualValuePence: pence('annual_value_pence'),
    totalValuePence: pence('total_value_pence'),
    lgrTreatment: lgrTreatment('lgr_treatment').notNull().default('undecided'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionNotes: text('decision_notes'),
    ...editableRowColumns()
  },
  (t) => [
    unique('contracts_council_reference_unique').on(t.councilId, t.reference),
    index('contracts_programme_idx').on(t.programmeId),
    index('contracts_end_date_idx').on(t.programmeId, t.endDate),
    // The contracts list's "undecided" view and the overview's count of it: without this a
    // programme's undecided contracts are found by reading all of its contracts.
    index('contracts_treatment_idx').on(t.programmeId, t.lgrTreatment),
    check(
      'contracts_values_not_negative',
      sql`${t.annualValuePence} >= 0 and ${t.totalValuePence} >= 0`
    ),
    check('contracts_notice_not_negative', sql`${t.noticePeriodValue} >= 0`)
  ]
);

/** Extension options in order, e.g. 2+1+1 years is three rows of 24, 12 and 12 months. */
export const contractExtensionOptions = pgTable(
  'contract_extension_options',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    lengthMonths: integer('length_months').notNull(),
    exercised: boolean('exercised').notNull().default(false)
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.position] }),
    check('extension_length_positive', sql`${t.lengthMonths} between 1 and 240`)
  ]
);

export const contractSystems = pgTable(
  'contract_systems',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.systemId] }),
    index('contract_systems_system_idx').on(t.systemId)
  ]
);
