import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db';
import { councils, successions } from '../db/schema';
import type { Snapshot } from './snapshot';

export async function restoreCouncil(
  tx: Transaction,
  programmeId: string,
  snap: Snapshot & { id: string; version: number; predecessorIds?: string[] }
): Promise<{ ok: true } | { ok: false; message: string }> {
  const [exists] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(eq(councils.id, snap.id));
  if (exists) return { ok: false, message: 'This council has already been restored' };
  const [clash] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.programmeId, programmeId), eq(councils.name, snap.name)));
  if (clash) return { ok: false, message: `Another council is now called ${snap.name}` };
  const { successorIds, successorNotes = {}, predecessorIds = [], id, version, ...row } = snap;
  await tx.insert(councils).values({ ...row, id, programmeId, version: version + 1 });
  const others = [...successorIds, ...predecessorIds];
  const live = others.length
    ? new Set(
        (
          await tx
            .select({ id: councils.id })
            .from(councils)
            .where(and(eq(councils.programmeId, programmeId), inArray(councils.id, others)))
        ).map((c) => c.id)
      )
    : new Set<string>();
  const links = [
    ...successorIds
      .filter((s) => live.has(s))
      .map((successorId) => ({
        predecessorId: id,
        successorId,
        note: successorNotes[successorId] ?? null
      })),
    ...predecessorIds
      .filter((p) => live.has(p))
      .map((predecessorId) => ({ predecessorId, successorId: id }))
  ];
  if (links.length) await tx.insert(successions).values(links);
  return { ok: true };
}
