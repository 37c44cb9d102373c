import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, Transaction } from '../db';
import {
  contractExtensionOptions,
  contracts,
  contractSystems,
  councils,
  systems
} from '../db/schema';
import type { ContractInput } from './form';
import { findContract, type ContractRecord } from './queries';

export type ContractWriteResult =
  | { ok: true; id: string }
  | { ok: false; kind: 'invalid'; field: string; message: string }
  | { ok: false; kind: 'conflict'; current: ContractRecord }
  | { ok: false; kind: 'gone' };

/** What the audit log keeps of a contract: enough to show a change and to restore a deletion. */
export function contractSnapshot(c: ContractRecord) {
  const { createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
}

export type ContractSnapshot = ReturnType<typeof contractSnapshot>;

async function checkReferences(
  tx: Transaction,
  programmeId: string,
  input: ContractInput,
  contractId: string | null
) {
  const [council] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.id, input.councilId), eq(councils.programmeId, programmeId)));
  if (!council) return { field: 'councilId', message: 'Choose a council from this programme' };
  if (input.systemIds.length > 0) {
    const found = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(and(eq(systems.programmeId, programmeId), inArray(systems.id, input.systemIds)));
    if (found.length !== input.systemIds.length)
      return { field: 'systems', message: 'Choose systems from this programme' };
  }
  const [clash] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.councilId, input.councilId), eq(contracts.reference, input.reference)));
  if (clash && clash.id !== contractId) {
    return {
      field: 'reference',
      message: 'This council already has a contract with this reference'
    };
  }
  return null;
}

async function writeChildren(
  tx: Transaction,
  contractId: string,
  input: Pick<ContractInput, 'extensionOptions' | 'systemIds'>
) {
  await tx
    .delete(contractExtensionOptions)
    .where(eq(contractExtensionOptions.contractId, contractId));
  await tx.delete(contractSystems).where(eq(contractSystems.contractId, contractId));
  if (input.extensionOptions.length > 0) {
    await tx
      .insert(contractExtensionOptions)
      .values(input.extensionOptions.map((o, position) => ({ contractId, position, ...o })));
  }
  if (input.systemIds.length > 0) {
    await tx
      .insert(contractSystems)
      .values(input.systemIds.map((systemId) => ({ contractId, systemId })));
  }
}

const columns = (input: ContractInput) => {
  const { extensionOptions: _o, systemIds: _s, ...rest } = input;
  return rest;
};

export async function createContract(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  input: ContractInput,
  ip: string | null
): Promise<ContractWriteResult> {
  return db.transaction(async (tx) => {
    const problem = await checkReferences(tx, programmeId, input, null);
    if (problem) return { ok: false as const, kind: 'invalid' as const, ...problem };
    const [row] = await tx
      .insert(contracts)
      .values({ programmeId, ...columns(input) })
      .returning({ id: contracts.id });
    await writeChildren(tx, row!.id, input);
    const after = await findContract(tx, programmeId, row!.id);
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'contract',
      entityId: row!.id,
      action: 'contract_created',
      after: contractSnapshot(after!),
      ipAddress: ip
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Saves only if nobody else has since the form was loaded; otherwise nothing is written. */
export async function updateContract(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  contractId: string,
  expectedVersion: number,
  input: ContractInput,
  ip: string | null
): Promise<ContractWriteResult> {
  return db.transaction(async (tx) => {
    const before = await findContract(tx, programmeId, contractId);
    if (!before) return { ok: false as const, kind: 'gone' as const };
    if (before.version !== expectedVersion)
      return { ok: false as const, kind: 'conflict' as const, current: before };
    const problem = await checkReferences(tx, programmeId, input, contractId);
    if (problem) return { ok: false as const, kind: 'invalid' as const, ...problem };
    const updated = await tx
      .update(contracts)
      .set({ ...columns(input), updatedAt: new Date(), version: sql`${contracts.version} + 1` })
      .where(and(eq(contracts.id, contractId), eq(contracts.version, expectedVersion)))
      .returning({ id: contracts.id });
    if (updated.length === 0) {
      const current = await findContract(tx, programmeId, contractId);
      return current
        ? { ok: false as const, kind: 'conflict' as const, current }
        : { ok: false as const, kind: 'gone' as const };
    }
    await writeChildren(tx, contractId, input);
    const after = await findContract(tx, programmeId, contractId);
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'contract',
      entityId: contractId,
      action: 'contract_updated',
      before: contractSnapshot(before),
      after: contractSnapshot(after!),
      ipAddress: ip
    });
    return { ok: true as const, id: contractId };
  });
}

/** Deletes the version the person saw; the audit event keeps everything needed to restore it. */
export async function deleteContract(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  contractId: string,
  expectedVersion: number,
  ip: string | null
): Promise<ContractWriteResult> {
  return db.transaction(async (tx) => {
    const before = await findContract(tx, programmeId, contractId);
    if (!before) return { ok: false as const, kind: 'gone' as const };
    if (before.version !== expectedVersion)
      return { ok: false as const, kind: 'conflict' as const, current: before };
    await tx
      .delete(contracts)
      .where(and(eq(contracts.id, contractId), eq(contracts.version, expectedVersion)));
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'contract',
      entityId: contractId,
      action: 'contract_deleted',
      before: contractSnapshot(before),
      ipAddress: ip
    });
    return { ok: true as const, id: contractId };
  });
}

/**
 * Puts a deleted contract back from its audit snapshot, with the same id, options and (still
 * existing) linked systems. Refused when its council has gone or its reference is taken again.
 */
export async function restoreContract(
  tx: Transaction,
  programmeId: string,
  snapshot: ContractSnapshot
): Promise<{ ok: true } | { ok: false; message: string }> {
  const [exists] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.id, snapshot.id));
  if (exists) return { ok: false, message: 'This contract has already been restored' };
  const [council] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.id, snapshot.councilId), eq(councils.programmeId, programmeId)));
  if (!council)
    return { ok: false, message: 'The council this contract belonged to has been deleted' };
  const [clash] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(eq(contracts.councilId, snapshot.councilId), eq(contracts.reference, snapshot.reference))
    );
  if (clash)
    return { ok: false, message: `Another contract now has the reference ${snapshot.reference}` };
  const { extensionOptions, systemIds, ...row } = snapshot;
  await tx.insert(contracts).values({ ...row, programmeId, version: row.version + 1 });
  const liveSystems = systemIds.length
    ? (
        await tx
          .select({ id: systems.id })
          .from(systems)
          .where(and(eq(systems.programmeId, programmeId), inArray(systems.id, systemIds)))
      ).map((s) => s.id)
    : [];
  await writeChildren(tx, snapshot.id, { extensionOptions, systemIds: liveSystems });
  return { ok: true };
}
