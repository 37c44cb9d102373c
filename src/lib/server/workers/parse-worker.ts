import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ImportKind } from '#lib/domain/import/kinds.ts';
import { readBackup, type BackupRead } from '#lib/schemas/backup.ts';
import { backupParts, type BackupParts } from '../export/restore-batches';
import { prepareUpload, type PreparedUpload } from '../import/prepare';
import { sha256Hex } from '../import/read-file';

/**
 * The parse worker: reads an uploaded register or a programme backup in a worker thread, so
 * the work (and any file made to be expensive) never holds up other people's requests, and
 * the thread's own memory and time limits stop what the readers' limits did not.
 *
 * This module is both the worker's entry and, on the main thread, only a marker: the build
 * emits it as a chunk of its own (see vite.config.ts, parseWorkerPlugin), and the worker runs
 * that chunk. It imports pure parsing code only: no database, no SvelteKit.
 */
export const PARSE_WORKER_MARK = 'vesting-day-parse-worker';

/** Where this module's chunk is: what a Worker is started with (read by the plugin's module). */
export const PARSE_WORKER_URL = import.meta.url;

export type ParseJob =
  | { kind: 'upload'; importKind: ImportKind; fileName: string; bytes: Uint8Array }
  | { kind: 'backup'; bytes: Uint8Array };

export type BackupResult =
  { ok: true; parts: BackupParts; sha256: string } | Extract<BackupRead, { ok: false }>;

export type ParseResult<J extends ParseJob> = J extends { kind: 'upload' }
  ? PreparedUpload
  : BackupResult;

export async function runJob(job: ParseJob): Promise<PreparedUpload | BackupResult> {
  if (job.kind === 'upload') return prepareUpload(job.importKind, job.fileName, job.bytes);
  const read = readBackup(new TextDecoder().decode(job.bytes), job.bytes.byteLength);
  if (!read.ok) return read;
  return { ok: true, parts: backupParts(read.backup), sha256: sha256Hex(job.bytes) };
}

const data = workerData as { mark?: string; job?: ParseJob } | null;
if (!isMainThread && parentPort && data?.mark === PARSE_WORKER_MARK && data.job) {
  const port = parentPort;
  runJob(data.job).then(
    (result) => port.postMessage({ result }),
    (error: unknown) => port.postMessage({ error: String((error as Error)?.stack ?? error) })
  );
}
