import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import { detectDelimiter, DELIMITER_LABELS } from '#lib/domain/import/delimiter.ts';
import { decodeText, ENCODING_LABELS } from '#lib/domain/import/encoding.ts';
import {
  MAX_COLUMNS,
  MAX_ROW_CHARACTERS,
  MAX_SHEET_ROWS,
  RESAVE,
  Refused,
  refusals
} from './limits';
import { readXlsxSheets } from './xlsx';

/**
 * An uploaded file into a sheet of cells. CSV and other delimited text go through csv-parse
 * as a stream (the text is fed in pieces and rows are taken as they come); XLSX through our
 * streaming reader (./xlsx). Both check the limits of ./limits.ts while they read. Every
 * failure is a sentence for the person who uploaded the file. Pure work on bytes: it runs in
 * a worker thread (../workers/parse-worker.ts), away from the requests of everyone else.
 */
export { MAX_COLUMNS, MAX_DATA_ROWS, MAX_ROW_CHARACTERS, MAX_UPLOAD_BYTES } from './limits';

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

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function startsWith(bytes: Uint8Array, prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  try {
    const sheets = await readXlsxSheets(bytes);
    if (sheets.length === 0) return { ok: false, message: 'The workbook has no sheets.' };
    return { ok: true, sheets, source: { format: 'xlsx' } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    return { ok: false, message: refusals.notAWorkbook() };
  }
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
    max_record_size: MAX_ROW_CHARACTERS,
    // Called for each field as it is read: a row of ten million commas is refused at its
    // 251st field, before csv-parse builds the whole row.
    cast: (value, context) => {
      if (context.index >= MAX_COLUMNS) throw new Refused(refusals.tooWide(MAX_COLUMNS + 1, true));
      return value;
    }
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
      rows.push(record);
      if (rows.length > MAX_SHEET_ROWS) {
        parser.destroy();
        return { ok: false, message: refusals.tooManyRows(rows.length) };
      }
    }
    await feed;
  } catch (error) {
    const refused = error instanceof Refused ? error : (error as { cause?: unknown }).cause;
    if (refused instanceof Refused) return { ok: false, message: refused.message };
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
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Excel saves a password-protected .xlsx inside the same container as an old .xls.
    if (/\.xlsx$/i.test(fileName)) return { ok: false, message: refusals.encrypted() };
    return {
      ok: false,
      message:
        'This is an old Excel 97–2003 workbook (.xls), which we cannot read. In Excel, use Save As → Excel Workbook (.xlsx) and upload that.'
    };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || /\.xlsx$/i.test(fileName)) {
    return readXlsx(bytes);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return {
      ok: false,
      message: 'This is a PDF. Upload the register as a spreadsheet (.xlsx) or CSV instead.'
    };
  }
  return readCsv(bytes);
}
