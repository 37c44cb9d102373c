import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import type { SheetCell } from '#lib/domain/export/index.ts';
import { withoutControlCharacters } from '#lib/domain/text.ts';

/**
 * Our library-neutral cells (src/lib/domain/export/sheet.ts) as write-excel-file cells. Text
 * loses its control characters, which the sheet's XML cannot hold (write-excel-file removes
 * them too today; this does not depend on it).
 */
function toLibraryCell(cell: SheetCell): Cell {
  if (cell === null) return null;
  switch (cell.type) {
    case 'text':
      return {
        type: String,
        value: withoutControlCharacters(cell.value),
        ...(cell.bold ? { fontWeight: 'bold' as const } : {}),
        ...(cell.textFormat ? { format: '@' } : {})
      };
    case 'number':
      return { type: Number, value: cell.value, ...(cell.format ? { format: cell.format } : {}) };
    case 'date':
      return { type: Date, value: cell.value, format: cell.format };
  }
}

/**
 * Excel refuses sheet names over 31 characters or with any of []:*?/\ in them. Control
 * characters go after the cut, which may split a surrogate pair and leave half of it.
 */
export function safeSheetName(name: string): string {
  return withoutControlCharacters(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)) || 'Sheet1';
}

/** One sheet with a frozen header row and column widths, as an .xlsx file. */
export async function writeSheet(
  rows: SheetCell[][],
  options: { sheet: string; widths: (number | undefined)[] }
): Promise<Buffer> {
  const data = rows.map((row) => row.map(toLibraryCell)) as SheetData;
  return writeXlsxFile(data, {
    sheet: safeSheetName(options.sheet),
    columns: options.widths.map((width) => (width ? { width } : {})),
    stickyRowsCount: 1
  }).toBuffer();
}
