import type { StoredCell } from '../read-file';
import { readSheet } from './sheet';
import { readWorkbookInfo } from './workbook';
import { openWorkbook } from './zip';

export interface XlsxSheet {
  name: string;
  rows: StoredCell[][];
}

/**
 * Every sheet of an .xlsx workbook, in the workbook's order, with its name. Throws
 * `Refused` (../limits.ts) with a sentence for the person when the file is not a workbook we can read
 * or breaks one of the limits there.
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const workbook = await openWorkbook(bytes);
  const info = await readWorkbookInfo(workbook);
  const counter = { cells: 0 };
  const sheets: XlsxSheet[] = [];
  for (const sheet of info.sheets) {
    sheets.push({ name: sheet.name, rows: await readSheet(workbook, info, sheet, counter) });
  }
  return sheets;
}
