import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CheckId } from '#lib/domain/checks/index.ts';
import type { DatabaseOrTransaction } from '../db';
import { comments, contracts, roadmapItems, roadmapScenarios, users } from '../db/schema';
import type { CommentTargetKind } from './comments';

/** The checks by name, for labelling threads without running them. */
const CHECK_NAMES = {
  tenancy: 'One Microsoft 365 tenancy by day one',
  finance: 'One finance system per successor by day one',
  security: 'Security basics in place on day one',
  website: 'One website front door',
  contracts: 'No contract lapses around vesting day',
  savings: 'No early digital and IT savings in the business case',
  'day-one-small': 'Day one stays small',
  inventory: 'Inventory complete enough to judge'
} satisfies Record<CheckId, string>;

export const TARGET_KIND_LABELS: Record<CommentTargetKind, string> = {
  scenario: 'Roadmap scenario',
  roadmap_item: 'Roadmap item',
  check: 'Readiness check',
  contract: 'Contract'
};

export interface OpenQuestion {
  id: string;
  kind: CommentTargetKind;
  kindLabel: string;
  /** What it is about; null when that thing has since been deleted. */
  subject: string | null;
  href: string | null;
  body: string;
  authorName: string;
  createdAt: string;
  replies: number;
}

/** Where a thread is shown, for a link. */
export function targetHref(slug: string, kind: CommentTargetKind, id: string): string {
  const base = `/programmes/${slug}`;
  if (kind === 'scenario') return `${base}/roadmap?scenario=${id}#comments`;
  if (kind === 'roadmap_item') return `${base}/roadmap/items/${id}#comments`;
  if (kind === 'check') return `${base}/checks/${id}#comments`;
  return `${base}/contracts/${id}#comments`;
}

/** Every unresolved thread in the programme, newest first, with what it is about. */
export async function listOpenQuestions(
  db: DatabaseOrTransaction,
  programme: { id: string; slug: string }
): Promise<OpenQuestion[]> {
  const replies = alias(comments, 'replies');
  const rows = await db
    .select({
      id: comments.id,
      kind: comments.targetKind,
      targetId: comments.targetId,
      body: comments.body,
      authorName: users.displayName,
      createdAt: comments.createdAt,
      replies: count(replies.id)
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(replies, eq(replies.parentId, comments.id))
    .where(
      and(
        eq(comments.programmeId, programme.id),
        isNull(comments.parentId),
        isNull(comments.resolvedAt)
      )
    )
    .groupBy(comments.id, users.displayName)
    .orderBy(desc(comments.createdAt));
  const idsOf = (kind: CommentTargetKind) =>
    rows.filter((r) => r.kind === kind).map((r) => r.targetId);
  const none = Promise.resolve([] as { id: string; name: string }[]);
  const scenarioIds = idsOf('scenario');
  const itemIds = idsOf('roadmap_item');
  const contractIds = idsOf('contract');
  const inProgramme = programme.id;
  const [scenarioRows, itemRows, contractRows] = await Promise.all([
    scenarioIds.length
      ? db
          .select({ id: roadmapScenarios.id, name: roadmapScenarios.name })
          .from(roadmapScenarios)
          .where(
            and(
              inArray(roadmapScenarios.id, scenarioIds),
              eq(roadmapScenarios.programmeId, inProgramme)
            )
          )
      : none,
    itemIds.length
      ? db
          .select({ id: roadmapItems.id, name: roadmapItems.title })
          .from(roadmapItems)
          .where(and(inArray(roadmapItems.id, itemIds), eq(roadmapItems.programmeId, inProgramme)))
      : none,
    contractIds.length
      ? db
          .select({ id: contracts.id, name: contracts.title })
          .from(contracts)
          .where(and(inArray(contracts.id, contractIds), eq(contracts.programmeId, inProgramme)))
      : none
  ]);
  const names = {
    scenario: new Map(scenarioRows.map((r) => [r.id, r.name])),
    roadmap_item: new Map(itemRows.map((r) => [r.id, r.name])),
    contract: new Map(contractRows.map((r) => [r.id, r.name]))
  };
  return rows.map((r) => {
    const subject =
      r.kind === 'check'
        ? (CHECK_NAMES[r.targetId as CheckId] ?? null)
        : (names[r.kind].get(r.targetId) ?? null);
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: TARGET_KIND_LABELS[r.kind],
      subject,
      href: subject ? targetHref(programme.slug, r.kind, r.targetId) : null,
      body: r.body,
      authorName: r.authorName ?? 'A former user',
      createdAt: r.createdAt.toISOString(),
      replies: r.replies
    };
  });
}
