import { like } from 'drizzle-orm';
import type { BackupContract } from '#lib/domain/export/backup.ts';
import { slugify, uniqueSlug } from '#lib/domain/slug.ts';
import { recordAudit } from '../audit';
import { RESTORE_BATCH, type BackupParts } from './restore-batches';
import { yieldToOthers } from '../yield';
import type { SessionUser } from '../auth/sessions';
import type { Database, Transaction } from '../db';
import {
  contractExtensionOptions,
  contracts,
  contractSystems,
  councils,
  programmeMembers,
  programmes,
  serviceAreas,
  successions,
  systems
} from '../db/schema';

const BATCH = RESTORE_BATCH;

/** Between batches the event loop answers other requests (35,000 contracts take seconds). */
async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await insert(rows.slice(i, i + BATCH));
    await yieldToOthers();
  }
}

export interface RestoreSource {
  fileName: string;
  /** SHA-256 of the file as uploaded, hex: the audit trail can tie the programme to the file. */
  sha256: string;
}

/**
 * Creates a new programme from a backup that {@link readBackup} has accepted: a new slug, the
 * person restoring as its only member (owner), every record with a new id. One transaction
 * with its audit event: if anything fails, nothing is written.
 */
export async function restoreProgramme(
  db: Database,
  actor: SessionUser,
  parts: BackupParts,
  options: { name?: string; source: RestoreSource; ipAddress: string | null }
): Promise<{ id: string; slug: string }> {
  const { backup, contractBatches } = parts;
  const name = options.name || backup.programme.name;
  return db.transaction(async (tx) => {
    const programmeId = crypto.randomUUID();
    const slug = await freeSlug(tx, name);
    await tx.insert(programmes).values({ id: programmeId, slug, ...backup.programme, name });
    await tx.insert(programmeMembers).values({ programmeId, userId: actor.id, role: 'owner' });

    // New ids are made here rather than read back from RETURNING, so the link from each key
    // to its id never depends on the order a database returns rows in.
    const councilId = newIds(backup.councils);
    const areaId = newIds(backup.serviceAreas);
    const systemId = newIds(backup.systems);
    await insertInBatches(backup.councils, (batch) =>
      tx
        .insert(councils)
        .values(batch.map(({ key, ...c }) => ({ ...c, id: councilId(key), programmeId })))
    );
    await insertInBatches(backup.successions, (batch) =>
      tx.insert(successions).values(
        batch.map((l) => ({
          predecessorId: councilId(l.predecessor),
          successorId: councilId(l.successor),
          note: l.note
        }))
      )
    );
    await insertInBatches(backup.serviceAreas, (batch) =>
      tx
        .insert(serviceAreas)
        .values(batch.map(({ key, ...a }) => ({ ...a, id: areaId(key), programmeId })))
    );
    await insertInBatches(backup.systems, (batch) =>
      tx.insert(systems).values(
        batch.map(({ key, council, serviceArea, ...x }) => ({
          ...x,
          id: systemId(key),
          programmeId,
          councilId: councilId(council),
          serviceAreaId: serviceArea === null ? null : areaId(serviceArea)
        }))
      )
    );
    // Contracts come as JSON text in batches (see ../workers/parse-worker.ts): each batch is
    // parsed just before it is written, so no moment holds them all, nor parses them all.
    let contractCount = 0;
    for (const json of contractBatches) {
      const batch = JSON.parse(json) as BackupContract[];
      contractCount += batch.length;
      const withIds = batch.map((c) => ({ c, id: crypto.randomUUID() }));
      await tx.insert(contracts).values(
        withIds.map(({ c: { council, extensionOptions: _o, systems: _s, ...c }, id }) => ({
          ...c,
          id,
          programmeId,
          councilId: councilId(council)
        }))
      );
      const options = withIds.flatMap(({ c, id }) =>
        c.extensionOptions.map((o, position) => ({ contractId: id, position, ...o }))
      );
      if (options.length > 0) await tx.insert(contractExtensionOptions).values(options);
      const covered = withIds.flatMap(({ c, id }) =>
        c.systems.map((key) => ({ contractId: id, systemId: systemId(key) }))
      );
      if (covered.length > 0) await tx.insert(contractSystems).values(covered);
      await yieldToOthers();
    }
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'programme',
      entityId: programmeId,
      action: 'programme_restored',
      after: {
        name,
        vestingDate: backup.programme.vestingDate,
        source: 'backup',
        fileName: options.source.fileName.slice(0, 200),
        sha256: options.source.sha256,
        councils: backup.councils.length,
        serviceAreas: backup.serviceAreas.length,
        systems: backup.systems.length,
        contracts: contractCount
      },
      ipAddress: options.ipAddress
    });
    return { id: programmeId, slug };
  });
}

/** A new id for each record's key; the backup was checked, so every reference resolves. */
function newIds(records: { key: string }[]): (key: string) => string {
  const ids = new Map(records.map((r) => [r.key, crypto.randomUUID()]));
  return (key) => {
    const id = ids.get(key);
    if (!id) throw new Error(`The backup names an unknown key: ${key}`);
    return id;
  };
}

async function freeSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx
    .select({ slug: programmes.slug })
    .from(programmes)
    .where(like(programmes.slug, `${base}%`));
  return uniqueSlug(base, new Set(taken.map((t) => t.slug)));
}
