import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { CouncilInput } from '#lib/schemas/council.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { contracts, councils, successions, systems } from '../db/schema';
import { findCouncil } from './queries';
import { snapshot, type CouncilWriteResult } from './snapshot';

export async function updateCouncil(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  councilId: string,
  expectedVersion: number,
  input: Omit<CouncilInput, 'version'>,
  successorIds: string[],
  ipAddress: string | null,
  notes: Record<string, string> = {}
): Promise<CouncilWriteResult> {
  return db.transaction(async (tx) => {
    const before = await findCouncil(tx, programmeId, councilId);
    const stale = versionProblem(before, expectedVersion);
    if (stale || !before) return stale ?? GONE;
    const targets =
      input.role === 'predecessor'
        ? await validSuccessors(tx, programmeId, councilId, successorIds)
        : [];
    if (targets === null)
      return {
        ok: false as const,
        kind: 'invalid' as const,
        field: 'successors',
        message: 'Choose new councils from this programme'
      };
    if (await nameTaken(tx, programmeId, input.name, councilId)) return NAME_TAKEN;
    const updated = await tx
      .update(councils)
      .set({ ...input, updatedAt: new Date(), version: sql`${councils.version} + 1` })
      .where(and(eq(councils.id, councilId), eq(councils.version, expectedVersion)))
      .returning({ id: councils.id });
    if (updated.length === 0) {
      return versionProblem(await findCouncil(tx, programmeId, councilId), expectedVersion) ?? GONE;
    }
    await tx.delete(successions).where(eq(successions.predecessorId, councilId));
    if (input.role === 'successor')
      await tx.delete(successions).where(eq(successions.successorId, councilId));
    if (targets.length > 0) {
      await tx.insert(successions).values(
        targets.map((successorId) => ({
          predecessorId: councilId,
          successorId,
          note: notes[successorId] ?? null
        }))
      );
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'council',
      entityId: councilId,
      action: 'council_updated',
      before: snapshot(before),
      after: {
        ...input,
        successorIds: [...targets].sort(),
        successorNotes: Object.fromEntries(
          targets.filter((t) => notes[t]).map((t) => [t, notes[t]!])
        )
      },
      ipAddress
    });
    return { ok: true as const, id: councilId };
  });
}

/** Only successor councils of the same programme; null when any id is not one. */
async function validSuccessors(
  tx: DatabaseOrTransaction,
  programmeId: string,
  councilId: string,
  ids: string[]
) {
  const unique = [...new Set(ids)].filter((id) => id !== councilId);
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(
      and(
        eq(councils.programmeId, programmeId),
        eq(councils.role, 'successor'),
        inArray(councils.id, unique)
      )
    );
  return found.length === unique.length ? unique : null;
}

/** Adds a council with its succession links (for a merging council) and an audit event. */
export async function createCouncil(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: Omit<CouncilInput, 'version'>,
  successorIds: string[],
  ipAddress: string | null,
  notes: Record<string, string> = {}
): Promise<CouncilWriteResult> {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, programmeId, input.name, null)) return NAME_TAKEN;
    const targets =
      input.role === 'predecessor' ? await validSuccessors(tx, programmeId, '', successorIds) : [];
    if (targets === null)
      return {
        ok: false as const,
        kind: 'invalid' as const,
        field: 'successors',
        message: 'Choose new councils from this programme'
      };
    const [row] = await tx
      .insert(councils)
      .values({ programmeId, ...input })
      .returning({ id: councils.id });
    if (targets.length > 0) {
      await tx.insert(successions).values(
        targets.map((successorId) => ({
          predecessorId: row!.id,
          successorId,
          note: notes[successorId] ?? null
        }))
      );
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'council',
      entityId: row!.id,
      action: 'council_created',
      after: { ...input, successorIds: targets },
      ipAddress
    });
    return { ok: true as const, id: row!.id };
  });
}

/** How much depends on a council: it can be deleted only when nothing does. */

export async function councilDependents(db: DatabaseOrTransaction, councilId: string) {
  const [[s], [c]] = await Promise.all([
    db.select({ n: count() }).from(systems).where(eq(systems.councilId, councilId)),
    db.select({ n: count() }).from(contracts).where(eq(contracts.councilId, councilId))
  ]);
  return { systems: s?.n ?? 0, contracts: c?.n ?? 0 };
}

/**
 * Deletes a council that has no systems or contracts (deleting it would take them too), with
 * its succession links; the audit event keeps the council as it was.
 */
export async function deleteCouncil(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  councilId: string,
  expectedVersion: number,
  ipAddress: string | null
): Promise<CouncilWriteResult> {
  return db.transaction(async (tx) => {
    const before = await findCouncil(tx, programmeId, councilId);
    const stale = versionProblem(before, expectedVersion);
    if (stale || !before) return stale ?? GONE;
    const dependents = await councilDependents(tx, councilId);
    if (dependents.systems + dependents.contracts > 0) {
      return {
        ok: false as const,
        kind: 'invalid' as const,
        field: 'form',
        message: `${before.name} still has ${plural(dependents.systems, 'system')} and ${plural(dependents.contracts, 'contract')}. Move or delete them first.`
      };
    }
    // Read before the delete: the links go with the council (on delete cascade).
    const predecessorIds = await predecessorsOf(tx, councilId);
    await tx.delete(councils).where(eq(councils.id, councilId));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'council',
      entityId: councilId,
      action: 'council_deleted',
      before: {
        id: councilId,
        version: before.version,
        ...snapshot(before),
        predecessorIds
      },
      ipAddress
    });
    return { ok: true as const, id: councilId };
  });
}

async function predecessorsOf(tx: DatabaseOrTransaction, councilId: string) {
  const rows = await tx
    .select({ id: successions.predecessorId })
    .from(successions)
    .where(eq(successions.successorId, councilId));
  return rows.map((r) => r.id);
}

/**
 * Puts a deleted council back with its id and whichever of its succession links still make
 * sense (the councils at the other end still exist).
 */
function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const GONE = { ok: false as const, kind: 'gone' as const };

const NAME_TAKEN = {
  ok: false as const,
  kind: 'invalid' as const,
  field: 'name',
  message: 'Another council in this programme already has this name'
};

/** 'gone' or 'conflict' unless the council is still the version the person saw. */
function versionProblem(
  current: Awaited<ReturnType<typeof findCouncil>>,
  expectedVersion: number
): CouncilWriteResult | null {
  if (!current) return GONE;
  if (current.version === expectedVersion) return null;
  return {
    ok: false,
    kind: 'conflict',
    current: { ...snapshot(current), version: current.version }
  };
}

async function nameTaken(
  tx: DatabaseOrTransaction,
  programmeId: string,
  name: string,
  exceptId: string | null
) {
  const rows = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.programmeId, programmeId), eq(councils.name, name)));
  return rows.some((r) => r.id !== exceptId);
}
