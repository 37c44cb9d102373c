/**
 * A generic export: columns that know how to read a row, and the rows. Contracts, systems
 * and (later) check results are each a column list; the same code turns any of them into CSV
 * ({@link tableToCsv}) or an Excel sheet ({@link tableToSheet}).
 */
import type { IsoDate } from '../dates';

/**
 * What a column holds, which decides how it is written:
 * - text: a string, neutralised against formula injection;
 * - date: a YYYY-MM-DD string; a real date cell in Excel, shown as YYYY-MM-DD;
 * - money: integer pence; pounds with two decimals in CSV, a number in Excel;
 * - integer: a whole number;
 * - yesNo: a boolean, written "Yes" or "No" as people type it in a register.
 */
export type ColumnKind = 'text' | 'date' | 'money' | 'integer' | 'yesNo';

interface ValueOf {
  text: string;
  date: IsoDate;
  money: number;
  integer: number;
  yesNo: boolean;
}

/** One column: its header, its kind, how to read it from a row, and a width for Excel. */
export type ExportColumn<Row> = {
  [K in ColumnKind]: {
    header: string;
    kind: K;
    value: (row: Row) => ValueOf[K] | null;
    /** Column width in characters for Excel; CSV ignores it. */
    width?: number;
  };
}[ColumnKind];

export interface ExportTable<Row> {
  /** The Excel sheet's name (31 characters at most, no []:*?/\). */
  sheet: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

/** Shorthand constructors so column lists read as a table. */
export const column = {
  text: <Row>(header: string, value: (row: Row) => string | null, width = 20) =>
    ({ header, kind: 'text', value, width }) as ExportColumn<Row>,
  date: <Row>(header: string, value: (row: Row) => IsoDate | null) =>
    ({ header, kind: 'date', value, width: 12 }) as ExportColumn<Row>,
  money: <Row>(header: string, value: (row: Row) => number | null) =>
    ({ header, kind: 'money', value, width: 14 }) as ExportColumn<Row>,
  integer: <Row>(header: string, value: (row: Row) => number | null) =>
    ({ header, kind: 'integer', value, width: 10 }) as ExportColumn<Row>,
  yesNo: <Row>(header: string, value: (row: Row) => boolean | null) =>
    ({ header, kind: 'yesNo', value, width: 10 }) as ExportColumn<Row>
};
