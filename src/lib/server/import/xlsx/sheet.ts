import { excelSerialDate } from '#lib/domain/import/excel-dates.ts';
import {
  MAX_CELL_CHARACTERS,
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_SHEET_ROWS,
  Refused,
  refusals
} from '../limits';
import type { StoredCell } from '../read-file';
import { unescapeXlsx, type WorkbookInfo } from './workbook';
import { readXml } from './xml';
import type { Workbook } from './zip';

/**
 * One sheet's rows, read as its XML streams in (ECMA-376 Part 1, §18.3.1). Only rows with a
 * value are kept, and every limit is checked on the cell that would break it: a value in a
 * row past {@link MAX_SHEET_ROWS} or a column past {@link MAX_COLUMNS} is refused before any
 * row or column up to it is made, so `<row r="30000000">` costs nothing.
 *
 * Cells read as read-excel-file read them: text trimmed (empty text is an empty cell), numbers
 * as numbers, dates (numbers in a date style, or ISO `t="d"` cells) as YYYY-MM-DD, TRUE/FALSE
 * as booleans, a formula as its cached value, error values (#N/A) as empty.
 */

/** "AB12" → column 28 (1-based); null when the reference has no usable column. */
export function columnOf(ref: string): number | null {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1];
  if (!letters) return null;
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string | undefined;
  inline: string | undefined;
}

export interface SheetCounter {
  cells: number;
}

export function cellValue(cell: CellState, info: WorkbookInfo, sheet: string): StoredCell {
  const damaged = () => new Refused(refusals.notAWorkbook());
  const v = cell.value;
  let value: StoredCell;
  switch (cell.type) {
    case 's': {
      if (!v) return null;
      const text = info.sharedStrings[Number(v)];
      if (text === undefined) throw damaged();
      value = text;
      break;
    }
    case 'inlineStr':
      value = cell.inline === undefined ? null : unescapeXlsx(cell.inline);
      break;
    case 'str':
      value = v === undefined ? null : unescapeXlsx(v);
      break;
    case 'b':
      if (!v) return null;
      if (v !== '1' && v !== '0') throw damaged();
      return v === '1';
    case 'e':
      return null;
    case 'd': {
      if (!v) return null;
      const date = new Date(v.trim());
      if (Number.isNaN(date.getTime())) throw damaged();
      return excelSerialDate(date.getTime() / 86_400_000 + 25_569, false);
    }
    case 'n': {
      if (!v) return null;
      const number = Number(v);
      if (v.trim() === '' || Number.isNaN(number)) throw damaged();
      if (info.dateStyles[cell.style]) return excelSerialDate(number, info.epoch1904);
      return Number.isFinite(number) ? number : null;
    }
    default:
      throw damaged();
  }
  if (value === null) return null;
  if (value.length > MAX_CELL_CHARACTERS) throw new Refused(refusals.cellTooLong(sheet));
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export async function readSheet(
  workbook: Workbook,
  info: WorkbookInfo,
  sheet: { name: string; path: string },
  counter: SheetCounter
): Promise<StoredCell[][]> {
  const rows: StoredCell[][] = [];
  let inSheetData = false;
  let rowNumber = 0;
  let row: StoredCell[] = [];
  let cell: CellState | null = null;
  let into: 'value' | 'inline' | null = null;
  let inPhonetic = false;

  const append = (text: string) => {
    if (!cell || !into) return;
    const current = (into === 'value' ? cell.value : cell.inline) ?? '';
    if (current.length + text.length > MAX_CELL_CHARACTERS + 1024)
      throw new Refused(refusals.cellTooLong(sheet.name));
    if (into === 'value') cell.value = current + text;
    else cell.inline = current + text;
  };

  const endCell = (c: CellState) => {
    const value = cellValue(c, info, sheet.name);
    if (value === null) return;
    if (rowNumber > MAX_SHEET_ROWS)
      throw new Refused(refusals.rowNumberTooHigh(sheet.name, rowNumber));
    if (c.column > MAX_COLUMNS) throw new Refused(refusals.tooWide(c.column));
    if (++counter.cells > MAX_CELLS) throw new Refused(refusals.tooManyCells());
    while (row.length < c.column - 1) row.push(null);
    row[c.column - 1] = value;
  };

  const endRow = () => {
    if (row.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(row);
  };

  await readXml(workbook, sheet.path, {
    open(name, a) {
      if (name === 'sheetData') inSheetData = true;
      if (!inSheetData) return;
      if (name === 'row') {
        const declared = a.r === undefined ? rowNumber + 1 : Number(a.r);
        // Rows come in order; a number going back (or not a number) is a damaged sheet.
        if (!Number.isInteger(declared) || declared <= rowNumber)
          throw new Refused(refusals.notAWorkbook());
        rowNumber = declared;
        row = [];
      } else if (name === 'c') {
        const previous = row.length;
        const column = a.r === undefined ? previous + 1 : columnOf(a.r);
        if (column === null) throw new Refused(refusals.notAWorkbook());
        cell = {
          column,
          type: a.t ?? 'n',
          style: Number(a.s ?? 0),
          value: undefined,
          inline: undefined
        };
      } else if (cell) {
        if (name === 'v') into = 'value';
        else if (name === 'is') cell.inline = '';
        else if (name === 't' && cell.inline !== undefined && !inPhonetic) into = 'inline';
        else if (name === 'rPh') inPhonetic = true;
      }
    },
    close(name) {
      if (name === 'sheetData') inSheetData = false;
      if (!inSheetData) return;
      if (name === 'c' && cell) {
        endCell(cell);
        cell = null;
      } else if (name === 'row') endRow();
      else if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') inPhonetic = false;
    },
    text: append
  });
  return rows;
}
