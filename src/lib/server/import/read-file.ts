import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import readXlsxFile from 'read-excel-file/node';
import { detectDelimiter, DELIMITER_LABELS } from '$lib/domain/import/delimiter';
import { decodeText, ENCODING_LABELS } from '$lib/domain/import/encoding';
import { cellText } from '$lib/domain/import/cells';
import type { Cell } from '$lib/domain/import/table';

/**
 * An uploaded file into a sheet of cells. CSV and other delimited text go through csv-parse
 * as a stream (the text is fed in pieces and rows are taken as they come); XLSX through
 * read-excel-file. Every failure is a sentence for the person who uploaded the file.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_DATA_ROWS = 100_000;
export const MAX_COLUMNS = 250;
/** One CSV row longer than this is not a register row: a missing quote, or not a CSV. */
export const MAX_ROW_CHARACTERS = 200_000;

/** Cells as stored between steps: JSON values only (Excel dates become YYYY-MM-DD text). */
export type StoredCell = string | number | boolean | null;

export interface FileSource {
  format: 'csv' | 'xlsx';
  /** "UTF-8", "comma"; or the sheet's name. Shown on the mapping page. */
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

export type ReadFile =
  | { ok: true; sheets: { name: string | null; rows: StoredCell[][] }[]; source: FileSource }
  | { ok: false; message: string };

const RESAVE = 'Open it in Excel and save it again as an Excel workbook (.xlsx) or “CSV UTF-8”.';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function startsWith(bytes: Uint8Array, prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

function storedCell(cell: Cell): StoredCell {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cellText(cell);
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return cell;
}

function tooMany(rows: number): string {
  return `The file has more than ${MAX_DATA_ROWS.toLocaleString('en-GB')} rows (${rows.toLocaleString('en-GB')} read so far). Split it into smaller files.`;
}

function tooWide(columns: number): string {
  return `The file has ${columns.toLocaleString('en-GB')} columns; we read at most ${MAX_COLUMNS}. Remove the columns you do not need.`;
}

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    )) as {
      sheet: string;
      data: unknown[][];
    }[];
  } catch {
    return {
      ok: false,
      message: `The file could not be read as an Excel workbook: it may be damaged, incomplete or password-protected. ${RESAVE}`
    };
  }
  const out: { name: string | null; rows: StoredCell[][] }[] = [];
  for (const { sheet, data } of sheets) {
    if (data.length > MAX_DATA_ROWS + 50) return { ok: false, message: tooMany(data.length) };
    const width = Math.max(0, ...data.map((row) => row.length));
    if (width > MAX_COLUMNS) return { ok: false, message: tooWide(width) };
    out.push({ name: sheet, rows: data.map((row) => row.map((cell) => storedCell(cell as Cell))) });
  }
  if (out.length === 0) return { ok: false, message: 'The workbook has no sheets.' };
  return { ok: true, sheets: out, source: { format: 'xlsx' } };
}

function csvMessage(error: unknown): string {
  const e = error as { code?: string; lines?: number; message?: string };
  const where = e.lines ? ` near line ${e.lines.toLocaleString('en-GB')}` : '';
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `A quoted value${where} is never closed: a double quote (") is missing, so the rest of the file would be read as one value. ${RESAVE}`;
    case 'CSV_MAX_RECORD_SIZE':
      return `A row${where} is longer than ${MAX_ROW_CHARACTERS.toLocaleString('en-GB')} characters, which no register row is: a double quote may be missing. ${RESAVE}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `A quoted value${where} has text straight after its closing quote. ${RESAVE}`;
    default:
      return `The file could not be read as CSV${where}. ${RESAVE}`;
  }
}

/** Delimited text, parsed as a stream: rows are counted as they come and the read stops early. */
async function readCsv(bytes: Uint8Array): Promise<ReadFile> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const start = decoded.text.slice(0, 200).trimStart().toLowerCase();
  if (/^<(!doctype html|html|\?xml|table)/.test(start)) {
    return {
      ok: false,
      message: `This is a web page or XML file, not a spreadsheet (some systems save HTML with an .xls or .csv name). ${RESAVE}`
    };
  }
  const delimiter = detectDelimiter(decoded.text.slice(0, 64 * 1024));
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_ROW_CHARACTERS
  });
  const text = decoded.text;
  const CHUNK = 256 * 1024;
  const feed = (async () => {
    for (let i = 0; i < text.length; i += CHUNK) {
      if (!parser.write(text.slice(i, i + CHUNK))) {
        await new Promise<void>((resolve) => parser.once('drain', () => resolve()));
      }
      if (parser.destroyed) return;
    }
    parser.end();
  })();
  const rows: StoredCell[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (record.length > MAX_COLUMNS) {
        parser.destroy();
        return { ok: false, message: tooWide(record.length) };
      }
      rows.push(record);
      if (rows.length > MAX_DATA_ROWS + 50) {
        parser.destroy();
        return { ok: false, message: tooMany(rows.length) };
      }
    }
    await feed;
  } catch (error) {
    return { ok: false, message: csvMessage(error) };
  }
  return {
    ok: true,
    sheets: [{ name: null, rows }],
    source: {
      format: 'csv',
      encoding: ENCODING_LABELS[decoded.encoding],
      delimiter: DELIMITER_LABELS[delimiter]
    }
  };
}

/**
 * Reads an upload by what its bytes are, not by its name: an .xlsx is a ZIP archive; an old
 * .xls is an OLE2 file we refuse by name; everything else is tried as delimited text.
 */
export async function readUploadedFile(fileName: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || /\.xlsx$/i.test(fileName)) {
    return readXlsx(bytes);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      ok: false,
      message:
        'This is an old Excel 97–2003 workbook (.xls), which we cannot read. In Excel, use Save As → Excel Workbook (.xlsx) and upload that.'
    };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return {
      ok: false,
      message: 'This is a PDF. Upload the register as a spreadsheet (.xlsx) or CSV instead.'
    };
  }
  return readCsv(bytes);
}
