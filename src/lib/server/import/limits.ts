/**
 * What one upload may cost the server. Each limit is checked while the file is read, before
 * the work it would cause: an Excel file's declared sizes before anything is unpacked, a row
 * number before the rows up to it are made, a column before the row grows. Parsing runs in a
 * worker thread with its own memory and time limits (see ../workers/parse.ts) as the last
 * line of defence; these limits give the person a message that says what is wrong.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_DATA_ROWS = 100_000;
/** Rows a sheet may number: the data, plus title rows above the header and totals below. */
export const MAX_SHEET_ROWS = MAX_DATA_ROWS + 50;
export const MAX_COLUMNS = 250;
/** One CSV row longer than this is not a register row: a missing quote, or not a CSV. */
export const MAX_ROW_CHARACTERS = 200_000;
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARACTERS = 32_767;
/** Filled cells in a whole workbook: 100,000 rows of 40 columns. */
export const MAX_CELLS = 4_000_000;

/** Files inside an .xlsx (a ZIP archive): a real workbook has a few dozen. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Unpacked size of one part of a workbook (a sheet's XML); 4 million cells fit in about 200 MB. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
/** Unpacked size of the whole workbook. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
/**
 * How many times larger than stored a part may unpack. Sheet XML compresses 5–30 times, the
 * most repetitive about 100; a file of one repeated byte compresses about 1,000 times.
 */
export const MAX_COMPRESSION_RATIO = 200;
/** Parts smaller than this may compress as well as they like (a tiny XML file can). */
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** Characters of all shared strings (the workbook's table of texts) together. */
export const MAX_SHARED_STRING_CHARACTERS = 64 * 1024 * 1024;
/** XML read without a single tag or text ending: no sheet has that much in one value. */
export const MAX_XML_RUN_CHARACTERS = 4 * MAX_CELL_CHARACTERS;

/** How long parsing one upload may take, and the memory its worker may use. */
export const PARSE_TIME_LIMIT_MS = 60_000;
export const PARSE_HEAP_MB = 512;

/** A file refused with a sentence for the person who uploaded it. */
export class Refused extends Error {
  override name = 'Refused';
}

export const RESAVE =
  'Open it in Excel and save it again as an Excel workbook (.xlsx) or “CSV UTF-8”.';

const count = (n: number) => n.toLocaleString('en-GB');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-GB')} MB`;

export const refusals = {
  tooManyRows: (rows: number) =>
    `The file has more than ${count(MAX_DATA_ROWS)} rows (${count(rows)} read so far). Split it into smaller files.`,
  rowNumberTooHigh: (sheet: string, row: number) =>
    `Sheet “${sheet}” has a value in row ${count(row)}; we read at most ${count(MAX_DATA_ROWS)} rows. Delete the rows below your data (or split the file) and save it again.`,
  tooWide: (columns: number, atLeast = false) =>
    `The file has ${atLeast ? 'more than ' : ''}${count(atLeast ? MAX_COLUMNS : columns)} columns; we read at most ${MAX_COLUMNS}. Remove the columns you do not need.`,
  tooManyCells: () =>
    `The workbook has more than ${count(MAX_CELLS)} filled cells. Remove the sheets and columns you do not need, or split it into smaller files.`,
  cellTooLong: (sheet: string) =>
    `A cell in sheet “${sheet}” holds more than ${count(MAX_CELL_CHARACTERS)} characters, which Excel itself does not allow: the file may be damaged. ${RESAVE}`,
  notAWorkbook: () =>
    `The file could not be read as an Excel workbook: it may be damaged, incomplete or password-protected. ${RESAVE}`,
  encrypted: () =>
    `The workbook is password-protected (encrypted), so we cannot read it. Remove the password in Excel (File → Info → Protect Workbook), save it and upload it again.`,
  unpacksTooLarge: (bytes: number) =>
    `The workbook unpacks to ${mb(bytes)}, more than the ${mb(MAX_UNPACKED_BYTES)} we read (a part may be at most ${mb(MAX_ENTRY_BYTES)}). Remove the sheets, images or columns you do not need, or split it into smaller files.`,
  overCompressed: (ratio: number) =>
    `Part of the workbook would unpack to ${count(Math.round(ratio))} times its stored size, which no real spreadsheet does: the file may be damaged or made to overload the server, so we did not open it. ${RESAVE}`,
  tooManyParts: () =>
    `The workbook is made of more than ${count(MAX_ZIP_ENTRIES)} files inside, which no spreadsheet needs: it may be damaged. ${RESAVE}`,
  sharedStringsTooLarge: () =>
    `The workbook’s text table is larger than any register needs (over ${count(MAX_SHARED_STRING_CHARACTERS)} characters): it may be damaged or padded. ${RESAVE}`,
  unreadable: () =>
    `The file could not be read. Check it opens in Excel, save it again and upload it again; if it still fails, tell the person who runs Vesting Day.`,
  tooSlow: (seconds: number) =>
    `Reading the file took longer than ${seconds} seconds, so we stopped. Split it into smaller files, or remove the sheets and columns you do not need.`,
  tooMuchMemory: () =>
    `Reading the file needed more memory than we allow for one upload, so we stopped. Split it into smaller files, or remove the sheets and columns you do not need.`
};
