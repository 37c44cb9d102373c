import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { councilDayOneFacts, councils, successions, systems } from '../db/schema';
import type { FactsInput } from './facts-form';

export type FactsWriteResult =
  | { ok: true }
  | { ok: false; kind: 'conflict' | 'gone' }
  | { ok: false; kind: 'invalid'; field: string; message: string };

/** One council with its day-one facts (version 0 when nothing is recorded yet). */
export async function findCouncilFacts(db: DatabaseOrTransaction, programmeId: string, id: string) {
  const [row] = await db
    .select({ council: councils, facts: councilDayOneFacts })
    .from(councils)
    .leftJoin(councilDayOneFacts, eq(councilDayOneFacts.councilId, councils.id))
    .where(and(eq(councils.id, id), eq(councils.programmeId, programmeId)));
  return row ?? null;
}

/**
 * Choices for the form: other councils that could host a predecessor's finance, and the
 * systems a successor could designate (its own and its predecessors'), finance area first.
 */
export async function factsFormChoices(
  db: DatabaseOrTransaction,
  programmeId: string,
  council: { id: string; role: 'predecessor' | 'successor' }
) {
  const hosts = await db
    .select({ id: councils.id, name: councils.name })
    .from(councils)
    .where(and(eq(councils.programmeId, programmeId), ne(councils.id, council.id)))
    .orderBy(asc(councils.name));
  if (council.role === 'predecessor') return { hosts, systems: [] };
  const predecessorIds = db
    .select({ id: successions.predecessorId })
    .from(successions)
    .where(eq(successions.successorId, council.id));
  const systemRows = await db
    .select({ id: systems.id, name: systems.name, councilName: councils.name })
    .from(systems)
    .innerJoin(councils, eq(councils.id, systems.councilId))
    .where(
      and(
        eq(systems.programmeId, programmeId),
        or(eq(systems.councilId, council.id), inArray(systems.councilId, predecessorIds))
      )
    )
    .orderBy(asc(councils.name), asc(systems.name));
  return { hosts, systems: systemRows };
}

/**
 * Saves one council's facts: insert when none are recorded (the form says version 0),
 * otherwise update if the version matches. One transaction with its audit event.
 */
export async function saveCouncilFacts(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  councilId: string,
  expectedVersion: number,
  input: FactsInput,
  ip: string | null
): Promise<FactsWriteResult> {
  return db.transaction(async (tx) => {
    const [council] = await tx
      .select({ id: councils.id, role: councils.role })
      .from(councils)
      .where(and(eq(councils.id, councilId), eq(councils.programmeId, programmeId)));
    if (!council) return { ok: false, kind: 'gone' };
    const invalid = await invalidReference(tx, programmeId, councilId, input);
    if (invalid) return invalid;
    const [before] = await tx
      .select()
      .from(councilDayOneFacts)
      .where(eq(councilDayOneFacts.councilId, councilId));
    if ((before?.version ?? 0) !== expectedVersion) return { ok: false, kind: 'conflict' };
    if (before) {
      await tx
        .update(councilDayOneFacts)
        .set({ ...input, updatedAt: new Date(), version: sql`${councilDayOneFacts.version} + 1` })
        .where(eq(councilDayOneFacts.councilId, councilId));
    } else {
      await tx.insert(councilDayOneFacts).values({ councilId, programmeId, ...input });
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'council_day_one_facts',
      entityId: councilId,
      action: 'day_one_facts_saved',
      before: before ?? null,
      after: input,
      ipAddress: ip
    });
    return { ok: true };
  });
}

/** A host council or finance system must belong to this programme. */
async function invalidReference(
  tx: DatabaseOrTransaction,
  programmeId: string,
  councilId: string,
  input: FactsInput
): Promise<FactsWriteResult | null> {
  if (input.financeHostCouncilId) {
    const [host] = await tx
      .select({ id: councils.id })
      .from(councils)
      .where(
        and(eq(councils.id, input.financeHostCouncilId), eq(councils.programmeId, programmeId))
      );
    if (!host || host.id === councilId) {
      return {
        ok: false,
        kind: 'invalid',
        field: 'financeHostCouncilId',
        message: 'Choose another council of this programme'
      };
    }
  }
  if (input.financeSystemId) {
    const [system] = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(and(eq(systems.id, input.financeSystemId), eq(systems.programmeId, programmeId)));
    if (!system) {
      return {
        ok: false,
        kind: 'invalid',
        field: 'financeSystemId',
        message: 'Choose a system from the list'
      };
    }
  }
  return null;
}
