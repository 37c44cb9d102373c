import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { HOSTING, TIME_DISPOSITIONS } from '#lib/schemas/system.ts';
import type { DatabaseOrTransaction } from '../db';
import { contracts, contractSystems, councils, serviceAreas, systems } from '../db/schema';

/** The shape `deleteSystem` stores as the `before` of a 'system_deleted' audit event. */
const snapshotSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  councilId: z.uuid(),
  serviceAreaId: z.uuid().nullable(),
  name: z.string().min(1),
  product: z.string().nullable(),
  vendor: z.string().nullable(),
  hosting: z.enum(HOSTING).nullable(),
  users: z.number().int().min(0).nullable(),
  annualCostPence: z.number().int().min(0).nullable(),
  lifecycle: z.string().nullable(),
  timeDisposition: z.enum(TIME_DISPOSITIONS).nullable(),
  dayOneCritical: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().min(1),
  contractIds: z.array(z.uuid()).default([])
});

export type RestoreSystemResult =
  | {
      ok: true;
      id: string;
      /** Its service area had been deleted since, so it comes back without one. */
      serviceAreaCleared: boolean;
      /** Linked contracts that have been deleted since, so are not linked again. */
      contractsMissing: number;
    }
  | { ok: false; message: string };

/**
 * Puts a deleted system back exactly as it was (same id, values, version and timestamps) from
 * the snapshot its delete event holds, with its links to contracts that still exist. Call it
 * inside the caller's transaction, which also records the audit event for the restore.
 */
export async function restoreSystem(
  tx: DatabaseOrTransaction,
  programmeId: string,
  snapshot: unknown
): Promise<RestoreSystemResult> {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    return { ok: false, message: 'This record is not a deleted system that can be restored' };
  }
  const { contractIds, createdAt, updatedAt, ...row } = parsed.data;
  if (row.programmeId !== programmeId) {
    return { ok: false, message: 'This system was deleted from a different programme' };
  }
  const [existing] = await tx
    .select({ programmeId: systems.programmeId })
    .from(systems)
    .where(eq(systems.id, row.id));
  if (existing) {
    return {
      ok: false,
      message:
        existing.programmeId === programmeId
          ? `${row.name} has already been restored`
          : `${row.name} cannot be restored because its id is in use`
    };
  }
  const [council] = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(and(eq(councils.id, row.councilId), eq(councils.programmeId, programmeId)));
  if (!council) {
    return {
      ok: false,
      message: `${row.name} cannot be restored because its council has been deleted`
    };
  }
  const [area] = row.serviceAreaId
    ? await tx
        .select({ id: serviceAreas.id })
        .from(serviceAreas)
        .where(
          and(eq(serviceAreas.id, row.serviceAreaId), eq(serviceAreas.programmeId, programmeId))
        )
    : [];
  const serviceAreaCleared = row.serviceAreaId !== null && !area;
  await tx.insert(systems).values({
    ...row,
    serviceAreaId: serviceAreaCleared ? null : row.serviceAreaId,
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt)
  });
  const linkable =
    contractIds.length === 0
      ? []
      : await tx
          .select({ id: contracts.id })
          .from(contracts)
          .where(and(eq(contracts.programmeId, programmeId), inArray(contracts.id, contractIds)));
  if (linkable.length > 0) {
    await tx
      .insert(contractSystems)
      .values(linkable.map((c) => ({ contractId: c.id, systemId: row.id })));
  }
  return {
    ok: true,
    id: row.id,
    serviceAreaCleared,
    contractsMissing: contractIds.length - linkable.length
  };
}
