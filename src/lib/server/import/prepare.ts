import {
  headerScore,
  proposeFor,
  type ImportKind,
  type Mapping
} from '#lib/domain/import/kinds.ts';
import { shapeSheet, type SheetShape } from '#lib/domain/import/table.ts';
import { readUploadedFile, sha256Hex, type FileSource, type StoredCell } from './read-file';

/**
 * Everything an upload needs before it is stored, done where it cannot hold anyone else up
 * (in the parse worker): the file read, its header and rows found, a mapping proposed. The
 * rows come back as the JSON text of the pending import's `rows` column, so the server's
 * main thread hands them to the database without building 100,000 objects first.
 */
export type PreparedUpload =
  | {
      ok: true;
      sha256: string;
      source: FileSource & { headerRow: number; summaryRows: number };
      headers: string[];
      mapping: Mapping;
      /** JSON of `{ n: row number, c: cells }[]`. */
      rowsJson: string;
      rowCount: number;
    }
  | { ok: false; message: string };

/** The sheet whose header row matches the most known headings (a workbook may have several). */
function bestSheet(
  kind: ImportKind,
  sheets: { name: string | null; rows: StoredCell[][] }[]
): { ok: true; name: string | null; shape: SheetShape } | { ok: false; message: string } {
  const score = (headers: string[]) => headerScore(kind, headers);
  let best: { name: string | null; shape: SheetShape; score: number } | null = null;
  let firstProblem: string | null = null;
  for (const sheet of sheets) {
    const shaped = shapeSheet(sheet.rows, score);
    if (!shaped.ok) {
      firstProblem ??=
        sheet.name && sheets.length > 1
          ? `Sheet “${sheet.name}”: ${shaped.message}`
          : shaped.message;
      continue;
    }
    const s = score(shaped.shape.headers);
    if (!best || s > best.score) best = { name: sheet.name, shape: shaped.shape, score: s };
  }
  if (!best) return { ok: false, message: firstProblem ?? 'The file is empty.' };
  return { ok: true, name: best.name, shape: best.shape };
}

export async function prepareUpload(
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array
): Promise<PreparedUpload> {
  const read = await readUploadedFile(fileName, bytes);
  if (!read.ok) return read;
  const sheet = bestSheet(kind, read.sheets);
  if (!sheet.ok) return sheet;
  const { shape } = sheet;
  const width = shape.headers.length;
  return {
    ok: true,
    sha256: sha256Hex(bytes),
    source: {
      ...read.source,
      ...(sheet.name && read.source.format === 'xlsx' ? { sheet: sheet.name } : {}),
      headerRow: shape.headerIndex + 1,
      summaryRows: shape.summaryRows
    },
    headers: shape.headers,
    mapping: proposeFor(kind, shape.headers),
    rowsJson: JSON.stringify(
      shape.rows.map((r) => ({ n: r.rowNumber, c: r.cells.slice(0, width) as StoredCell[] }))
    ),
    rowCount: shape.rows.length
  };
}
