import { normaliseHeader } from './headers';

/**
 * A sheet of cells, as it comes out of a CSV or XLSX reader, into a header and data rows.
 *
 * Registers often have a title, a date of publication or a blank line above the header, and a
 * "Total" line below the data. The header is the row among the first {@link HEADER_SEARCH_ROWS}
 * whose cells match the most known headings; rows above it are ignored. Blank rows are
 * skipped, and rows at the end whose first filled cell is a summary label ("Total", "Grand
 * total", "End of report") are dropped and counted.
 */
export type Cell = string | number | boolean | Date | null;

export const HEADER_SEARCH_ROWS = 20;

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every(isBlankCell);
}

const SUMMARY = /^(grand |sub ?)?totals?\b|^sum\b|^count\b|^end of (report|register|list|data)\b/;

export function isSummaryRow(row: readonly Cell[]): boolean {
  const first = row.find((cell) => !isBlankCell(cell));
  if (typeof first !== 'string') return false;
  return SUMMARY.test(normaliseHeader(first));
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface SheetShape {
  /** 0-based index of the header row in the sheet. */
  headerIndex: number;
  headers: string[];
  /** Data rows with their 1-based row number in the sheet, as Excel numbers them. */
  rows: { rowNumber: number; cells: Cell[] }[];
  /** Summary rows dropped from the end. */
  summaryRows: number;
}

export type ShapeResult = { ok: true; shape: SheetShape } | { ok: false; message: string };

export function cellAsHeader(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds the header and the data. `scoreHeaders` says how many cells of a row are known
 * headings (the mapping dictionary of the kind of register being imported).
 */
export function shapeSheet(
  sheet: readonly (readonly Cell[])[],
  scoreHeaders: (headers: string[]) => number
): ShapeResult {
  let headerIndex = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(sheet.length, HEADER_SEARCH_ROWS); i++) {
    const row = sheet[i]!;
    if (isBlankRow(row)) continue;
    const score = scoreHeaders(row.map(cellAsHeader));
    if (score > bestScore) {
      bestScore = score;
      headerIndex = i;
    }
  }
  if (headerIndex < 0 || bestScore < 2) {
    const anything = sheet.some((row) => !isBlankRow(row));
    return {
      ok: false,
      message: anything
        ? `No header row found in the first ${HEADER_SEARCH_ROWS} rows: we look for a row of column headings such as “Reference”, “Title”, “Supplier” and “End date”. Add a header row, or start from our template.`
        : 'The file is empty: there are no rows to import.'
    };
  }

  const headerRow = sheet[headerIndex]!;
  let width = headerRow.length;
  while (width > 0 && isBlankCell(headerRow[width - 1])) width--;
  const headers = Array.from({ length: width }, (_, i) => cellAsHeader(headerRow[i]));

  const seen = new Map<string, number>();
  for (const [index, header] of headers.entries()) {
    const key = normaliseHeader(header);
    if (key === '') continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        ok: false,
        message: `Columns ${columnLetter(earlier)} and ${columnLetter(index)} have the same heading, “${header}”, so we cannot tell which to import. Rename one of them and upload the file again.`
      };
    }
    seen.set(key, index);
  }

  const rows: SheetShape['rows'] = [];
  for (let i = headerIndex + 1; i < sheet.length; i++) {
    const cells = sheet[i]!;
    if (isBlankRow(cells)) continue;
    rows.push({ rowNumber: i + 1, cells: [...cells] });
  }
  let summaryRows = 0;
  while (rows.length > 0 && isSummaryRow(rows[rows.length - 1]!.cells)) {
    rows.pop();
    summaryRows++;
  }
  if (rows.length === 0) {
    return {
      ok: false,
      message: `The file has a header row (row ${headerIndex + 1}) but no rows of data under it.`
    };
  }
  return { ok: true, shape: { headerIndex, headers, rows, summaryRows } };
}
