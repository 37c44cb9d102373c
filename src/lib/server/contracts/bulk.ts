import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LgrTreatment } from '#lib/schemas/contract-filters.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database } from '../db';
import { auditEvents, contracts } from '../db/schema';

export const MAX_BULK = 5000;

export type BulkResult = { ok: true; changed: number } | { ok: false; message: string };

/**
 * Sets one LGR treatment on exactly the contracts the person previewed (ids with the versions
 * they saw). If any has changed or gone since, nothing is written: they preview again.
 */
export async function applyBulkTreatment(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  previewed: { id: string; version: number }[],
  treatment: LgrTreatment,
  decisionDate: IsoDate,
  ip: string | null
): Promise<BulkResult> {
  if (previewed.length === 0) return { ok: false, message: 'No contracts were chosen' };
  if (previewed.length > MAX_BULK)
    return { ok: false, message: `Change at most ${MAX_BULK} contracts at once` };
  return db.transaction(async (tx) => {
    const ids = previewed.map((p) => p.id);
    const rows = await tx
      .select({
        id: contracts.id,
        version: contracts.version,
        lgrTreatment: contracts.lgrTreatment
      })
      .from(contracts)
      .where(and(eq(contracts.programmeId, programmeId), inArray(contracts.id, ids)))
      .for('update');
    const current = new Map(rows.map((r) => [r.id, r]));
    const stale = previewed.filter((p) => current.get(p.id)?.version !== p.version);
    if (stale.length > 0) {
      return {
        ok: false as const,
        message: `${stale.length} of these contracts changed after you previewed the list. Nothing has been saved: check the preview again.`
      };
    }
    await tx
      .update(contracts)
      .set({
        lgrTreatment: treatment,
        decisionDate,
        updatedAt: new Date(),
        version: sql`${contracts.version} + 1`
      })
      .where(and(eq(contracts.programmeId, programmeId), inArray(contracts.id, ids)));
    // One event per contract, so each contract's history is complete, written in one insert.
    await tx.insert(auditEvents).values(
      rows.map((r) => ({
        userId: actor.id,
        programmeId,
        entity: 'contract',
        entityId: r.id,
        action: 'contract_decision',
        before: { lgrTreatment: r.lgrTreatment },
        after: { lgrTreatment: treatment, decisionDate },
        ipAddress: ip
      }))
    );
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'contract',
      action: 'contracts_bulk_decision',
      after: { treatment, decisionDate, count: rows.length },
      ipAddress: ip
    });
    return { ok: true as const, changed: rows.length };
  });
}
