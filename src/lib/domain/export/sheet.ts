import { startsLikeFormula } from './cells';
import type { ExportColumn, ExportTable } from './table';

/**
 * One Excel cell as we want it written, independent of the library that writes the file:
 * src/lib/server/export/xlsx.ts maps these onto write-excel-file.
 */
export type SheetCell =
  | { type: 'text'; value: string; bold?: boolean; textFormat?: boolean }
  | { type: 'number'; value: number; format?: string }
  | { type: 'date'; value: Date; format: string }
  | null;

/** Dates shown the way the CSV writes them, but stored as real dates Excel can sort and filter. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONEY_FORMAT = '#,##0.00';

/**
 * Text is written as a typed string cell, which Excel never evaluates, so it keeps its exact
 * value (no apostrophe: in an .xlsx that would become part of the text). A string that starts
 * like a formula also gets the "@" (Text) number format, so that editing the cell in Excel
 * (F2, Enter) keeps it as text instead of turning it into a live formula.
 */
export function sheetCell<Row>(col: ExportColumn<Row>, row: Row): SheetCell {
  switch (col.kind) {
    case 'text': {
      const v = col.value(row);
      if (v === null || v === '') return null;
      return startsLikeFormula(v)
        ? { type: 'text', value: v, textFormat: true }
        : { type: 'text', value: v };
    }
    case 'date': {
      const v = col.value(row);
      return v === null ? null : { type: 'date', value: isoDateToUtc(v), format: DATE_FORMAT };
    }
    case 'money': {
      const v = col.value(row);
      return v === null ? null : { type: 'number', value: v / 100, format: MONEY_FORMAT };
    }
    case 'integer': {
      const v = col.value(row);
      return v === null ? null : { type: 'number', value: v };
    }
    case 'yesNo': {
      const v = col.value(row);
      return v === null ? null : { type: 'text', value: v ? 'Yes' : 'No' };
    }
  }
}

/** A header row in bold, then one row per record. */
export function tableToSheet<Row>(table: ExportTable<Row>): SheetCell[][] {
  const header: SheetCell[] = table.columns.map((c) => ({
    type: 'text',
    value: c.header,
    bold: true
  }));
  return [header, ...table.rows.map((row) => table.columns.map((c) => sheetCell(c, row)))];
}

/** Midnight UTC of a YYYY-MM-DD date: Excel dates have no zone, so UTC keeps the day exact. */
function isoDateToUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
