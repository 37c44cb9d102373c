import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CHECK_IDS } from '#lib/domain/checks/index.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction, Transaction } from '../db';
import {
  commentRevisions,
  comments,
  contracts,
  roadmapItems,
  roadmapScenarios,
  users
} from '../db/schema';

export type CommentTargetKind = (typeof comments.$inferSelect)['targetKind'];
export const COMMENT_TARGET_KINDS = [
  'scenario',
  'roadmap_item',
  'check',
  'contract'
] as const satisfies readonly CommentTargetKind[];

export interface CommentTarget {
  kind: CommentTargetKind;
  id: string;
}

export interface CommentView {
  id: string;
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
  edited: boolean;
  editedAt: string | null;
  /** Earlier texts, newest first. */
  history: { body: string; replacedAt: string }[];
  version: number;
}

export interface ThreadView extends CommentView {
  resolved: boolean;
  resolvedAt: string | null;
  resolvedByName: string | null;
  replies: CommentView[];
}

const resolver = sql<
  string | null
>`(select display_name from users r where r.id = ${comments.resolvedById})`;

/** The threads on one thing, oldest first, each with its replies: one query. */
export async function listThreads(
  db: DatabaseOrTransaction,
  programmeId: string,
  target: CommentTarget
): Promise<ThreadView[]> {
  const rows = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.displayName,
      body: comments.body,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      resolvedAt: comments.resolvedAt,
      resolvedByName: resolver,
      version: comments.version
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(comments.programmeId, programmeId),
        eq(comments.targetKind, target.kind),
        eq(comments.targetId, target.id)
      )
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const editedIds = rows.filter((r) => r.editedAt !== null).map((r) => r.id);
  const revisions = editedIds.length
    ? await db
        .select()
        .from(commentRevisions)
        .where(inArray(commentRevisions.commentId, editedIds))
        .orderBy(desc(commentRevisions.replacedAt))
    : [];
  const view = (r: (typeof rows)[number]): CommentView => ({
    id: r.id,
    authorId: r.authorId,
    authorName: r.authorName ?? 'A former user',
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    edited: r.editedAt !== null,
    editedAt: r.editedAt?.toISOString() ?? null,
    history: revisions
      .filter((v) => v.commentId === r.id)
      .map((v) => ({ body: v.body, replacedAt: v.replacedAt.toISOString() })),
    version: r.version
  });
  const threads = rows
    .filter((r) => r.parentId === null)
    .map((r) => ({
      ...view(r),
      resolved: r.resolvedAt !== null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolvedByName: r.resolvedByName,
      replies: [] as CommentView[]
    }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const r of rows) if (r.parentId) byId.get(r.parentId)?.replies.push(view(r));
  return threads;
}

/** Whether the thing exists in this programme (a check is one of the fixed check ids). */
async function targetExists(
  tx: Transaction,
  programmeId: string,
  target: CommentTarget
): Promise<boolean> {
  if (target.kind === 'check') return (CHECK_IDS as readonly string[]).includes(target.id);
  if (!/^[0-9a-f-]{36}$/i.test(target.id)) return false;
  const table = {
    scenario: roadmapScenarios,
    roadmap_item: roadmapItems,
    contract: contracts
  }[target.kind];
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, target.id), eq(table.programmeId, programmeId)));
  return Boolean(row);
}

export type CommentResult =
  { ok: true; id: string } | { ok: false; status: number; field: string; message: string };

const gone = (what = 'That comment'): CommentResult => ({
  ok: false,
  status: 404,
  field: 'form',
  message: `${what} no longer exists`
});

/** A new thread, or a reply to a thread's first comment. Any member may comment. */
export async function addComment(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: { target: CommentTarget; parentId: string | null; body: string },
  ipAddress: string | null
): Promise<CommentResult> {
  return db.transaction(async (tx) => {
    if (!(await targetExists(tx, programmeId, input.target))) {
      return gone('The thing you were commenting on');
    }
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.id, input.parentId),
            eq(comments.programmeId, programmeId),
            eq(comments.targetKind, input.target.kind),
            eq(comments.targetId, input.target.id),
            isNull(comments.parentId)
          )
        );
      if (!parent) return gone('The thread you were replying to');
    }
    const [row] = await tx
      .insert(comments)
      .values({
        programmeId,
        targetKind: input.target.kind,
        targetId: input.target.id,
        parentId: input.parentId,
        authorId: actor.id,
        body: input.body
      })
      .returning({ id: comments.id });
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'comment',
      entityId: row!.id,
      action: input.parentId ? 'comment_replied' : 'comment_added',
      after: { target: input.target, parentId: input.parentId, body: input.body },
      ipAddress
    });
    return { ok: true as const, id: row!.id };
  });
}

async function lockComment(tx: Transaction, programmeId: string, commentId: string) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.programmeId, programmeId)))
    .for('update');
  return row ?? null;
}

const stale: CommentResult = {
  ok: false,
  status: 409,
  field: 'form',
  message: 'Someone else changed this comment while you were looking at it. Check it and try again.'
};

/** Only the author edits a comment; the text it had is kept as a revision. */
export async function editComment(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: { commentId: string; version: number; body: string },
  ipAddress: string | null
): Promise<CommentResult> {
  return db.transaction(async (tx) => {
    const row = await lockComment(tx, programmeId, input.commentId);
    if (!row) return gone();
    if (row.authorId !== actor.id) {
      return {
        ok: false,
        status: 403,
        field: 'form',
        message: 'Only its author can edit a comment'
      };
    }
    if (row.version !== input.version) return stale;
    if (row.body === input.body) return { ok: true as const, id: row.id };
    await tx.insert(commentRevisions).values({ commentId: row.id, body: row.body });
    await tx
      .update(comments)
      .set({ body: input.body, editedAt: new Date(), version: row.version + 1 })
      .where(eq(comments.id, row.id));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'comment',
      entityId: row.id,
      action: 'comment_edited',
      before: { body: row.body },
      after: { body: input.body },
      ipAddress
    });
    return { ok: true as const, id: row.id };
  });
}

/** Resolves or reopens a thread (its first comment). The route lets editors and owners. */
export async function setThreadResolved(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: { commentId: string; version: number; resolved: boolean },
  ipAddress: string | null
): Promise<CommentResult> {
  return db.transaction(async (tx) => {
    const row = await lockComment(tx, programmeId, input.commentId);
    if (!row || row.parentId) return gone('That thread');
    if (row.version !== input.version) return stale;
    if ((row.resolvedAt !== null) === input.resolved) return { ok: true as const, id: row.id };
    await tx
      .update(comments)
      .set({
        resolvedAt: input.resolved ? new Date() : null,
        resolvedById: input.resolved ? actor.id : null,
        version: row.version + 1
      })
      .where(eq(comments.id, row.id));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'comment',
      entityId: row.id,
      action: input.resolved ? 'comment_thread_resolved' : 'comment_thread_reopened',
      before: { resolved: !input.resolved },
      after: { resolved: input.resolved },
      ipAddress
    });
    return { ok: true as const, id: row.id };
  });
}
