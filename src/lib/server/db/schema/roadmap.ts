import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid
} from 'drizzle-orm/pg-core';
import { contracts, serviceAreas, systems } from './inventory';
import { councils } from './programmes';
import { uuidPrimaryKey, version, editableRowColumns } from './columns';
import { programmeId } from './programme-column';

export const roadmapItemKind = pgEnum('roadmap_item_kind', ['redesign', 'foundation']);
export const roadmapItemStatus = pgEnum('roadmap_item_status', [
  'proposed',
  'planned',
  'in_progress',
  'paused',
  'done'
]);
export const roadmapItemSize = pgEnum('roadmap_item_size', ['s', 'm', 'l', 'xl']);

/**
 * A version of the plan. Exactly one per programme is current (a partial unique index says
 * so); the others are alternatives to compare against it or to make current.
 */
export const roadmapScenarios = pgTable(
  'roadmap_scenarios',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    name: text('name').notNull(),
    description: text('description'),
    isCurrent: boolean('is_current').notNull().default(false),
    /** The scenario this one was copied from, while it exists. */
    copiedFromId: uuid('copied_from_id'),
    ...editableRowColumns()
  },
  (t) => [
    index('roadmap_scenarios_programme_idx').on(t.programmeId),
    uniqueIndex('roadmap_scenarios_one_current')
      .on(t.programmeId)
      .where(sql`${t.isCurrent}`)
  ]
);

/**
 * A redesign of a service area, or a foundation piece, with its GDS phases as dated segments:
 * discovery from `startDate`, alpha from `alphaStart`, beta from `betaStart`, live from
 * `liveStart` (go-live) until `endDate`, when the team hands over. Each boundary is a date-only
 * value and a phase may be empty (a foundation piece often skips discovery).
 */
export const roadmapItems = pgTable(
  'roadmap_items',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => roadmapScenarios.id, { onDelete: 'cascade' }),
    /**
     * The same piece of work across copies of a scenario: a copy gets new row ids but keeps
     * this, so two scenarios can be compared item by item.
     */
    lineageId: uuid('lineage_id').notNull().defaultRandom(),
    kind: roadmapItemKind('kind').notNull(),
    title: text('title').notNull(),
    serviceAreaId: uuid('service_area_id').references(() => serviceAreas.id, {
      onDelete: 'set null'
    }),
    /** The new council the work is for; null when it serves all of them. */
    councilId: uuid('council_id').references(() => councils.id, { onDelete: 'set null' }),
    status: roadmapItemStatus('status').notNull().default('planned'),
    owner: text('owner'),
    size: roadmapItemSize('size').notNull().default('m'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    alphaStart: date('alpha_start', { mode: 'string' }).notNull(),
    betaStart: date('beta_start', { mode: 'string' }).notNull(),
    liveStart: date('live_start', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    notes: text('notes'),
    ...editableRowColumns()
  },
  (t) => [
    index('roadmap_items_scenario_idx').on(t.scenarioId),
    index('roadmap_items_programme_idx').on(t.programmeId),
    check(
      'roadmap_items_phases_in_order',
      sql`${t.startDate} <= ${t.alphaStart} and ${t.alphaStart} <= ${t.betaStart} and ${t.betaStart} <= ${t.liveStart} and ${t.liveStart} <= ${t.endDate} and ${t.startDate} < ${t.endDate}`
    )
  ]
);

/** Finish-to-start: `successorId` may not start before `predecessorId` ends. */
export const roadmapDependencies = pgTable(
  'roadmap_dependencies',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('roadmap_dependencies_successor_idx').on(t.successorId),
    check('roadmap_dependencies_not_self', sql`${t.predecessorId} <> ${t.successorId}`)
  ]
);

/** Milestones people add. Vesting day is not stored: it is always derived from the programme. */
export const roadmapMilestones = pgTable(
  'roadmap_milestones',
  {
    id: uuidPrimaryKey(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => roadmapScenarios.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    version: version()
  },
  (t) => [index('roadmap_milestones_scenario_idx').on(t.scenarioId)]
);

/** The systems a redesign replaces. */
export const roadmapItemSystems = pgTable(
  'roadmap_item_systems',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.systemId] }),
    index('roadmap_item_systems_system_idx').on(t.systemId)
  ]
);

/** The contracts whose ends a redesign should meet: go-live near the end, no paying twice. */
export const roadmapItemContracts = pgTable(
  'roadmap_item_contracts',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' })
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.contractId] }),
    index('roadmap_item_contracts_contract_idx').on(t.contractId)
  ]
);
