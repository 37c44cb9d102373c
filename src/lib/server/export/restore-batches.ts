import type { Backup } from '#lib/domain/export/backup.ts';

/**
 * Rows per INSERT of a restore: small enough that building one statement (drizzle makes a
 * parameter per value: 250 contracts are 5,000) holds the main thread for a few tens of
 * milliseconds only, between which other requests are answered.
 */
export const RESTORE_BATCH = 250;

/**
 * A checked backup as the parse worker hands it over: everything but the contracts as
 * objects (a few hundred records), and the contracts as JSON arrays of {@link RESTORE_BATCH}
 * at most, each parsed only when it is written.
 */
export interface BackupParts {
  backup: Omit<Backup, 'contracts'>;
  contractBatches: string[];
}

/** Splits a checked backup into {@link BackupParts}: the contracts as JSON batches. */
export function backupParts(backup: Backup): BackupParts {
  const { contracts, ...rest } = backup;
  const contractBatches: string[] = [];
  for (let i = 0; i < contracts.length; i += RESTORE_BATCH)
    contractBatches.push(JSON.stringify(contracts.slice(i, i + RESTORE_BATCH)));
  return { backup: rest, contractBatches };
}
