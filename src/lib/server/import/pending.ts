import { and, eq, getTableColumns, gt, lt, sql } from 'drizzle-orm';
import { checkMapping, fieldsOf, type ImportKind, type Mapping } from '#lib/domain/import/kinds.ts';
import type { DatabaseOrTransaction } from '../db';
import { pendingImports } from '../db/schema';
import { runParseJob } from '../workers/run';
import type { FileSource, StoredCell } from './read-file';

/** How long an upload waits for its mapping, preview and commit. */
export const PENDING_IMPORT_HOURS = 24;

export interface PendingImport {
  id: string;
  programmeId: string;
  userId: string;
  kind: ImportKind;
  councilId: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  source: FileSource & { headerRow: number; summaryRows: number };
  headers: string[];
  /** Data rows stored; the rows themselves are read in slices (readPendingRowSlices). */
  rowCount: number;
  mapping: Mapping;
  result: ImportCounts | null;
  committedAt: Date | null;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** A file name as we keep and show it: no folders, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'upload';
}

export type CreatePending = { ok: true; id: string } | { ok: false; message: string };

/**
 * Reads the file, finds its header and rows and proposes a mapping (all in the parse worker,
 * see ./prepare.ts), and keeps it all for the next steps.
 */
export async function createPendingImport(
  db: DatabaseOrTransaction,
  input: {
    programmeId: string;
    userId: string;
    kind: ImportKind;
    councilId: string;
    fileName: string;
    bytes: Uint8Array;
  }
): Promise<CreatePending> {
  const fileBytes = input.bytes.length;
  // The bytes go to the parse worker and are no longer readable here.
  const prepared = await runParseJob({
    kind: 'upload',
    importKind: input.kind,
    fileName: input.fileName,
    bytes: input.bytes
  });
  if (!prepared.ok) return { ok: false, message: prepared.message };
  await db
    .delete(pendingImports)
    .where(lt(pendingImports.createdAt, new Date(Date.now() - PENDING_IMPORT_HOURS * 3600_000)));
  const [row] = await db
    .insert(pendingImports)
    .values({
      programmeId: input.programmeId,
      userId: input.userId,
      kind: input.kind,
      councilId: input.councilId,
      fileName: cleanFileName(input.fileName),
      fileSha256: prepared.sha256,
      fileBytes,
      source: prepared.source,
      headers: prepared.headers,
      // Already JSON, made by the worker: the database parses it, not this thread.
      rows: sql`${prepared.rowsJson}::jsonb`,
      mapping: prepared.mapping
    })
    .returning({ id: pendingImports.id });
  return { ok: true, id: row!.id };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StoredRow = { n: number; c: StoredCell[] };

/** Rows read per query: about 200 KB of JSON, parsed in a moment. */
export const ROWS_PER_QUERY = 2_000;

/**
 * The stored rows of an upload, a slice per query, from `start` (0-based) for `count` rows.
 * 100,000 rows are 10 MB of JSON: parsed in one piece they would hold this thread for most
 * of a second, so they never are.
 */
export async function readStoredRows(
  db: DatabaseOrTransaction,
  id: string,
  start: number,
  count: number
): Promise<StoredRow[]> {
  if (count <= 0) return [];
  const path = `$[${start} to ${start + count - 1}]`;
  const [row] = await db
    .select({
      slice: sql<StoredRow[]>`jsonb_path_query_array(${pendingImports.rows}, ${path}::jsonpath)`
    })
    .from(pendingImports)
    .where(eq(pendingImports.id, id));
  return row?.slice ?? [];
}

/** The person's own upload in this programme, if it has not expired; null otherwise. */
export async function findPendingImport(
  db: DatabaseOrTransaction,
  programmeId: string,
  userId: string,
  id: string
): Promise<PendingImport | null> {
  if (!UUID.test(id)) return null;
  const { rows: _rows, ...columns } = getTableColumns(pendingImports);
  const [row] = await db
    .select({
      ...columns,
      rowCount: sql<number>`jsonb_array_length(${pendingImports.rows})`.mapWith(Number)
    })
    .from(pendingImports)
    .where(
      and(
        eq(pendingImports.id, id),
        eq(pendingImports.programmeId, programmeId),
        eq(pendingImports.userId, userId),
        gt(pendingImports.createdAt, new Date(Date.now() - PENDING_IMPORT_HOURS * 3600_000))
      )
    );
  return row ? (row as unknown as PendingImport) : null;
}

/** Saves the person's choice of field per column, when it is usable; the problems otherwise. */
export async function saveMapping(
  db: DatabaseOrTransaction,
  pending: PendingImport,
  chosen: (string | null)[]
): Promise<string[]> {
  const known = new Set(fieldsOf(pending.kind));
  const mapping = pending.headers.map((_, i) => {
    const field = chosen[i] ?? null;
    return field !== null && known.has(field) ? field : null;
  });
  const problems = checkMapping(pending.kind, pending.headers, mapping);
  if (problems.length === 0) {
    await db.update(pendingImports).set({ mapping }).where(eq(pendingImports.id, pending.id));
  }
  return problems;
}
