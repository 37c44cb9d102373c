import { fieldLabels, readRow, type ImportKind, type Mapping } from '#lib/domain/import/kinds.ts';
import type { RowProblem } from '#lib/domain/import/contract-rows.ts';
import { columnLetter } from '#lib/domain/import/table.ts';
import type { DatabaseOrTransaction } from '../db';
import { yieldToOthers } from '../yield';
import { readStoredRows, ROWS_PER_QUERY } from './pending';

/**
 * What the preview and the commit share: each row read through the mapping, with every
 * problem located by row number and column, as the person sees them in Excel.
 */
export interface RowIssue {
  rowNumber: number;
  problems: { column: string; message: string }[];
}

export type ImportStatus = 'added' | 'updated' | 'unchanged';

/** "Column D (End date)": the letter and heading where the person will look. */
export function columnName(
  kind: ImportKind,
  headers: string[],
  mapping: Mapping,
  field: string
): string {
  const index = mapping.indexOf(field);
  const label = fieldLabels(kind)[field] ?? field;
  if (index < 0) {
    // A title taken from the description is reported against that column.
    const fallback = field === 'title' ? mapping.indexOf('description') : -1;
    return fallback >= 0
      ? `Column ${columnLetter(fallback)} (${headers[fallback] || label})`
      : label;
  }
  return `Column ${columnLetter(index)} (${headers[index] || label})`;
}

export function locate(
  kind: ImportKind,
  headers: string[],
  mapping: Mapping,
  problems: RowProblem[]
): RowIssue['problems'] {
  return problems.map((p) => ({
    column: columnName(kind, headers, mapping, p.field),
    message: p.message
  }));
}

/** Council names as registers write them: case, spaces and a trailing "Council" ignored. */
export function councilKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(council|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The pending import's rows read through its mapping, a slice at a time (each slice fetched
 * and parsed on its own, see readStoredRows), letting other requests in between; kept for the
 * next step: the preview reads 100,000 rows, and the commit a moment later would read the
 * same rows through the same mapping again. Keyed by upload and mapping (the stored rows of
 * an upload never change until the commit empties them), few entries, so memory stays
 * bounded; another server instance simply reads the rows itself. Inside a transaction, pass
 * the transaction.
 */
const READ_CACHE = new Map<string, ReadRows>();
const READ_CACHE_SIZE = 4;

type ReadRows = { rowNumber: number; read: ReturnType<typeof readRow> }[];

export async function readPendingRows(
  db: DatabaseOrTransaction,
  kind: ImportKind,
  pending: { id: string; rowCount: number; mapping: Mapping }
): Promise<ReadRows> {
  const key = `${kind}\u0000${pending.id}\u0000${pending.rowCount}\u0000${JSON.stringify(pending.mapping)}`;
  const cached = READ_CACHE.get(key);
  if (cached) return cached;
  const read: ReadRows = [];
  for (let start = 0; start < pending.rowCount; start += ROWS_PER_QUERY) {
    const rows = await readStoredRows(db, pending.id, start, ROWS_PER_QUERY);
    for (const row of rows)
      read.push({ rowNumber: row.n, read: readRow(kind, row.c, pending.mapping) });
    await yieldToOthers();
  }
  if (READ_CACHE.size >= READ_CACHE_SIZE) READ_CACHE.delete(READ_CACHE.keys().next().value!);
  READ_CACHE.set(key, read);
  return read;
}

/** Forgets an upload's rows once it is committed. */
export function forgetPendingRows(id: string) {
  for (const key of READ_CACHE.keys()) if (key.split('\u0000')[1] === id) READ_CACHE.delete(key);
}

/** Most invalid rows listed on the preview page; the rest are counted. */
export const MAX_LISTED_ISSUES = 1000;
