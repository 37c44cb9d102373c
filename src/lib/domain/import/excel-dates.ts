import { formatIsoDate, type IsoDate } from '../dates';

/**
 * Excel keeps a date as a number of days (a "serial") and says it is a date only through the
 * number format of the cell's style. These read both, as Excel and read-excel-file do.
 */

/**
 * Built-in number formats that show a date or time: 14–22 and 45–47 everywhere, 27–36 and
 * 50–58 in East Asian locales, 71–81 in Thai (ECMA-376 Part 1, §18.8.30).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81
]);

export function isBuiltInDateFormat(id: number): boolean {
  return BUILT_IN_DATE_FORMATS.has(id);
}

const DATE_TOKENS = new Set([
  's',
  'ss',
  'm',
  'mm',
  'mmm',
  'mmmm',
  'mmmmm',
  'h',
  'hh',
  'am',
  'pm',
  'a',
  'p',
  'd',
  'dd',
  'ddd',
  'dddd',
  'aaa',
  'aaaa',
  'aaaaa',
  'y',
  'yy',
  'yyyy',
  'e',
  'ee',
  'eeee'
]);

/**
 * Whether a custom format code ("dd/mm/yyyy", "[$-809]d mmmm yyyy;@", "0.00") shows a date:
 * after removing quoted text, escapes, colours and locale tags, every token of some section
 * is a date or time part.
 */
export function isDateFormatCode(code: string): boolean {
  const sections = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ').split(';');
  return sections.some((section) => {
    const plain = section
      .replace(/"[^"]*"/g, ' ')
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
      .replace(/\[([smhd]{1,2})\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '');
    const tokens = plain.split(/[^a-z0#?%]+/).filter(Boolean);
    return tokens.length > 0 && tokens.every((token) => DATE_TOKENS.has(token));
  });
}

const DAY_MS = 86_400_000;
/** 1 January 1970 as a 1900-system serial (Excel counts the 29 February 1900 that never was). */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from the 1900 system's day 0 to the 1904 system's day 0. */
const EPOCH_1904_OFFSET = 1_462;

/**
 * A date serial as a calendar date (the time of day is dropped). `epoch1904` is the workbook's
 * `date1904` flag, set by old Mac versions of Excel. Null when the number is no date.
 */
export function excelSerialDate(serial: number, epoch1904: boolean): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const days = serial + (epoch1904 ? EPOCH_1904_OFFSET : 0);
  const date = new Date(Math.floor((days - UNIX_EPOCH_SERIAL) * DAY_MS));
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return formatIsoDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}
