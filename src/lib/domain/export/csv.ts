import { withoutControlCharacters } from '../text';
import { csvField, neutraliseFormula, penceAsPounds } from './cells';
import type { ExportColumn, ExportTable } from './table';

/**
 * UTF-8's byte order mark: without it Excel opens a CSV as Windows-1252 and "£" turns into
 * "Â£". Other programs skip it.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * The text of one cell, before CSV quoting. Blank for a missing value. Control characters go
 * first (RFC 4180 text is printable characters; spreadsheets show them as boxes or drop the
 * row), then a formula is neutralised, so "\u0001=1" cannot pass as text.
 */
export function csvCellText<Row>(col: ExportColumn<Row>, row: Row): string {
  switch (col.kind) {
    case 'text': {
      const v = col.value(row);
      return v === null ? '' : neutraliseFormula(withoutControlCharacters(v));
    }
    case 'date':
      return col.value(row) ?? '';
    case 'money': {
      const v = col.value(row);
      return v === null ? '' : penceAsPounds(v);
    }
    case 'integer': {
      const v = col.value(row);
      return v === null ? '' : String(v);
    }
    case 'yesNo': {
      const v = col.value(row);
      return v === null ? '' : v ? 'Yes' : 'No';
    }
  }
}

/**
 * The whole table as CSV (RFC 4180: comma-separated, CRLF line ends, a header row), with a
 * byte order mark so Excel reads it as UTF-8.
 */
export function tableToCsv<Row>(table: ExportTable<Row>): string {
  const lines = [
    table.columns.map((c) => csvField(neutraliseFormula(withoutControlCharacters(c.header))))
  ];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => csvField(csvCellText(c, row))));
  }
  return UTF8_BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
