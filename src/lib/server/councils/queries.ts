import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { councils, successions } from '../db/schema';

export type CouncilRecord = Awaited<ReturnType<typeof findCouncil>> & object;

/** Councils of a programme with the ids of the councils each passes to. Two queries. */
export async function listCouncils(db: DatabaseOrTransaction, programmeId: string) {
  const [rows, links] = await Promise.all([
    db
      .select()
      .from(councils)
      .where(eq(councils.programmeId, programmeId))
      .orderBy(sql`${councils.role} desc`, asc(councils.name)),
    db
      .select({
        predecessorId: successions.predecessorId,
        successorId: successions.successorId,
        note: successions.note
      })
      .from(successions)
      .innerJoin(councils, eq(councils.id, successions.predecessorId))
      .where(eq(councils.programmeId, programmeId))
  ]);
  return rows.map((c) => {
    const own = links.filter((l) => l.predecessorId === c.id);
    return { ...c, successorIds: own.map((l) => l.successorId), successorNotes: notesOf(own) };
  });
}

/** Succession notes by successor id; links without a note are left out. */
export function notesOf(
  links: { successorId: string; note: string | null }[]
): Record<string, string> {
  return Object.fromEntries(links.filter((l) => l.note).map((l) => [l.successorId, l.note!]));
}

export async function findCouncil(
  db: DatabaseOrTransaction,
  programmeId: string,
  councilId: string
) {
  const [row] = await db
    .select()
    .from(councils)
    .where(and(eq(councils.id, councilId), eq(councils.programmeId, programmeId)));
  if (!row) return null;
  const links = await db
    .select({ successorId: successions.successorId, note: successions.note })
    .from(successions)
    .where(eq(successions.predecessorId, councilId));
  return {
    ...row,
    successorIds: links.map((l) => l.successorId).sort(),
    successorNotes: notesOf(links)
  };
}
