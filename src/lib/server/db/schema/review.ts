import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid
} from 'drizzle-orm/pg-core';

import { roadmapItemKind, roadmapItemStatus, roadmapScenarios } from './roadmap';
import { users } from './users';
import { timestamptz, uuidPrimaryKey, createdAt, version } from './columns';
import { programmeId } from './programme-column';

/** What a comment can be about. */
export const commentTargetKind = pgEnum('comment_target_kind', [
  'scenario',
  'roadmap_item',
  'check',
  'contract'
]);

/**
 * A comment, or a reply when `parentId` is set (one level: replies belong to the thread's
 * first comment). The target is loose on purpose (a check is a name, not a row, and a thread
 * outlives a deleted item): `targetId` is the row id, or the check id for checks. Resolution
 * is kept on the thread's first comment.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    targetKind: commentTargetKind('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    parentId: uuid('parent_id'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamptz('edited_at'),
    resolvedAt: timestamptz('resolved_at'),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: version()
  },
  (t) => [
    index('comments_target_idx').on(t.programmeId, t.targetKind, t.targetId),
    index('comments_parent_idx').on(t.parentId),
    check('comments_body_not_empty', sql`length(${t.body}) > 0`)
  ]
);

/** The text a comment had before each edit, oldest first by `replacedAt`. */
export const commentRevisions = pgTable(
  'comment_revisions',
  {
    id: uuidPrimaryKey(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    replacedAt: timestamptz('replaced_at').notNull().defaultNow()
  },
  (t) => [index('comment_revisions_comment_idx').on(t.commentId)]
);

/**
 * "Approved by <body> on <date>": a frozen copy of a scenario's items and dependencies and
 * the day-one verdict at that moment. Nothing here points at live items, so later edits and
 * deletions cannot change what was approved.
 */
export const roadmapApprovals = pgTable(
  'roadmap_approvals',
  {
    id: uuidPrimaryKey(),
    programmeId: programmeId(),
    scenarioId: uuid('scenario_id').references(() => roadmapScenarios.id, {
      onDelete: 'set null'
    }),
    scenarioName: text('scenario_name').notNull(),
    approvedBy: text('approved_by').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    verdict: text('verdict').notNull(),
    /** Each check's status and summary at approval. */
    checkResults: jsonb('check_results').notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt()
  },
  (t) => [index('roadmap_approvals_programme_idx').on(t.programmeId)]
);

export const baselineItems = pgTable(
  'baseline_items',
  {
    approvalId: uuid('approval_id')
      .notNull()
      .references(() => roadmapApprovals.id, { onDelete: 'cascade' }),
    lineageId: uuid('lineage_id').notNull(),
    title: text('title').notNull(),
    kind: roadmapItemKind('kind').notNull(),
    status: roadmapItemStatus('status').notNull(),
    /** Copied, not referenced: the lane the item was in even if the area is later deleted. */
    serviceAreaId: uuid('service_area_id'),
    councilId: uuid('council_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    alphaStart: date('alpha_start', { mode: 'string' }).notNull(),
    betaStart: date('beta_start', { mode: 'string' }).notNull(),
    liveStart: date('live_start', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull()
  },
  (t) => [primaryKey({ columns: [t.approvalId, t.lineageId] })]
);

export const baselineDependencies = pgTable(
  'baseline_dependencies',
  {
    approvalId: uuid('approval_id')
      .notNull()
      .references(() => roadmapApprovals.id, { onDelete: 'cascade' }),
    predecessorLineageId: uuid('predecessor_lineage_id').notNull(),
    successorLineageId: uuid('successor_lineage_id').notNull()
  },
  (t) => [primaryKey({ columns: [t.approvalId, t.predecessorLineageId, t.successorLineageId] })]
);
