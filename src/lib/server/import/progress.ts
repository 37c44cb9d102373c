import { and, eq, gt, sql } from 'drizzle-orm';
import { databaseHandle, type Database, type DatabaseOrTransaction } from '../db';
import { importProgress, pendingImports } from '../db/schema';
import { PENDING_IMPORT_HOURS, UUID, type ImportCounts } from './pending';

/**
 * How far a commit has got: `waiting` before it starts, `reading` while the rows are checked,
 * `saving` inside the transaction (with rows written so far when the database allows another
 * connection to say so), `done` once committed.
 */
export interface ImportProgress {
  stage: 'waiting' | 'reading' | 'saving' | 'done';
  done: number;
  total: number;
}

export type ProgressStage = 'reading' | 'saving';

/**
 * Writes progress outside the commit's transaction. Writes never wait on each other: while one
 * is on its way, later reports only replace the figure to write next, so a slow database never
 * holds the import back, and a pool of one connection (or PGlite, which has only one) cannot
 * deadlock: the write just lands after the transaction.
 *
 * `live` is false on PGlite: its one connection belongs to the transaction until it ends, so
 * nobody could read a figure written meanwhile; only the stages before the transaction are
 * written, and the page shows "saving" until the result.
 */
export function progressReporter(db: Database, importId: string, total: number) {
  const live = databaseHandle()?.driver !== 'pglite';
  let next: { stage: ProgressStage; done: number } | null = null;
  let inFlight: Promise<void> | null = null;

  const write = async (stage: ProgressStage, done: number) => {
    await db
      .insert(importProgress)
      .values({ importId, stage, done, total })
      .onConflictDoUpdate({
        target: importProgress.importId,
        set: { stage, done, total, updatedAt: new Date() }
      });
  };
  const pump = (): Promise<void> | null => {
    if (inFlight || !next) return inFlight;
    const { stage, done } = next;
    next = null;
    inFlight = write(stage, done)
      .catch(() => {
        // Progress is only shown, never relied on: a failed write must not fail the import.
      })
      .finally(() => {
        inFlight = null;
        pump();
      });
    return inFlight;
  };

  return {
    /** Before the transaction: written and waited for, so the page sees the stage at once. */
    async stage(stage: ProgressStage, done = 0) {
      next = { stage, done };
      pump();
      while (inFlight) await inFlight;
    },
    /** Inside the transaction: rows written so far (not waited for). */
    rows(done: number) {
      if (!live) return;
      next = { stage: 'saving', done };
      void pump();
    },
    /** After the transaction, either way: waits for any write on its way, then removes the row. */
    async finish() {
      next = null;
      while (inFlight) await inFlight;
      await db
        .delete(importProgress)
        .where(eq(importProgress.importId, importId))
        .catch(() => {});
    }
  };
}

export type ProgressReporter = ReturnType<typeof progressReporter>;

/**
 * Progress of the person's own upload in this programme (null if it is not theirs or has
 * expired). One small query: never the stored rows, only their count, and plain reads that
 * do not wait on the commit's locks.
 */
export async function findImportProgress(
  db: DatabaseOrTransaction,
  programmeId: string,
  userId: string,
  id: string
): Promise<ImportProgress | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select({
      result: pendingImports.result,
      rows: sql<number>`jsonb_array_length(${pendingImports.rows})`.mapWith(Number),
      stage: importProgress.stage,
      done: importProgress.done,
      total: importProgress.total
    })
    .from(pendingImports)
    .leftJoin(importProgress, eq(importProgress.importId, pendingImports.id))
    .where(
      and(
        eq(pendingImports.id, id),
        eq(pendingImports.programmeId, programmeId),
        eq(pendingImports.userId, userId),
        gt(pendingImports.createdAt, new Date(Date.now() - PENDING_IMPORT_HOURS * 3600_000))
      )
    );
  if (!row) return null;
  const result = row.result as ImportCounts | null;
  if (result) {
    const rows = result.added + result.updated + result.unchanged;
    return { stage: 'done', done: rows, total: rows };
  }
  if (!row.stage) return { stage: 'waiting', done: 0, total: row.rows };
  return {
    stage: row.stage === 'saving' ? 'saving' : 'reading',
    done: row.done ?? 0,
    total: row.total ?? row.rows
  };
}
