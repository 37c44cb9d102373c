import { isBuiltInDateFormat, isDateFormatCode } from '#lib/domain/import/excel-dates.ts';
import {
  MAX_CELL_CHARACTERS,
  MAX_CELLS,
  MAX_SHARED_STRING_CHARACTERS,
  Refused,
  refusals
} from '../limits';
import { readXml } from './xml';
import type { Workbook } from './zip';

/**
 * The parts of a workbook around its sheets (ECMA-376 Part 1, §18): the list of sheets and
 * the date system (workbook.xml), where each part lives (its relationships), which cell
 * styles show dates (styles.xml), and the table of texts cells refer to (sharedStrings.xml).
 */

/** `_xHHHH_` escapes characters XML cannot hold (ECMA-376 Part 1, §22.9.2.19). */
export function unescapeXlsx(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

export interface SheetEntry {
  name: string;
  path: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  epoch1904: boolean;
  /** Per cell style (the `s` of a cell): whether its number format shows a date. */
  dateStyles: boolean[];
  sharedStrings: string[];
}

const RELATIONSHIP = /\/(worksheet|sharedStrings|styles)$/;

function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

async function readRelationships(workbook: Workbook) {
  const byId = new Map<string, string>();
  let styles = 'xl/styles.xml';
  let sharedStrings = 'xl/sharedStrings.xml';
  if (!workbook.has('xl/_rels/workbook.xml.rels')) return { byId, styles, sharedStrings };
  await readXml(workbook, 'xl/_rels/workbook.xml.rels', {
    open(name, a) {
      if (name !== 'Relationship' || !a.Target) return;
      const type = RELATIONSHIP.exec(a.Type ?? '')?.[1];
      if (type === 'worksheet' && a.Id) byId.set(a.Id, partPath(a.Target));
      else if (type === 'styles') styles = partPath(a.Target);
      else if (type === 'sharedStrings') sharedStrings = partPath(a.Target);
    }
  });
  return { byId, styles, sharedStrings };
}

async function readSheetList(workbook: Workbook, byId: Map<string, string>) {
  const sheets: SheetEntry[] = [];
  let epoch1904 = false;
  await readXml(workbook, 'xl/workbook.xml', {
    open(name, a) {
      if (name === 'workbookPr') epoch1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet' && a.name) {
        const id = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
        const path = id ? byId.get(id) : undefined;
        if (!path) throw new Refused(refusals.notAWorkbook());
        sheets.push({ name: unescapeXlsx(a.name), path });
      }
    }
  });
  return { sheets, epoch1904 };
}

/** Which cell styles (cellXfs, in order) show dates, from built-in and custom number formats. */
async function readDateStyles(workbook: Workbook, path: string): Promise<boolean[]> {
  if (!workbook.has(path)) return [];
  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  await readXml(workbook, path, {
    open(name, a) {
      if (name === 'numFmt') customFormats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        // Ids from 164 up are custom; tools also redefine some below that, which Excel accepts.
        const code = customFormats.get(id);
        dateStyles.push(code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    }
  });
  return dateStyles;
}

/**
 * The shared strings, with their size checked as they come: more strings than a workbook
 * may have cells, or more text than any register holds, is refused before it is kept.
 */
async function readSharedStrings(workbook: Workbook, path: string): Promise<string[]> {
  if (!workbook.has(path)) return [];
  const strings: string[] = [];
  let total = 0;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await readXml(workbook, path, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(unescapeXlsx(current));
        current = null;
        if (strings.length > MAX_CELLS) throw new Refused(refusals.sharedStringsTooLarge());
      } else if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
    },
    text(text) {
      if (current === null || !inText || inPhonetic) return;
      total += text.length;
      if (total > MAX_SHARED_STRING_CHARACTERS) throw new Refused(refusals.sharedStringsTooLarge());
      // One string longer than a cell can hold is kept cut: it is refused if a cell uses it.
      if (current.length <= MAX_CELL_CHARACTERS) current += text;
    }
  });
  return strings;
}

export async function readWorkbookInfo(workbook: Workbook): Promise<WorkbookInfo> {
  if (!workbook.has('xl/workbook.xml')) throw new Refused(refusals.notAWorkbook());
  const relationships = await readRelationships(workbook);
  const { sheets, epoch1904 } = await readSheetList(workbook, relationships.byId);
  for (const sheet of sheets) {
    if (!workbook.has(sheet.path)) throw new Refused(refusals.notAWorkbook());
  }
  const dateStyles = await readDateStyles(workbook, relationships.styles);
  const sharedStrings = await readSharedStrings(workbook, relationships.sharedStrings);
  return { sheets, epoch1904, dateStyles, sharedStrings };
}
