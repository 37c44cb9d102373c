import { addDays, daysInMonth, formatIsoDate, type IsoDate } from '../dates';

/**
 * Dates as they appear in councils' contract registers, into {@link IsoDate}s.
 *
 * - Numeric dates are always read day first, the UK way: "04/05/2024" is 4 May 2024, never
 *   5 April. We do not guess from the rest of the file: a register is a UK publication.
 * - Two-digit years pivot at 70: "00"–"69" are 2000–2069 and "70"–"99" are 1970–1999. Excel's
 *   own pivot (30) would put a contract ending "31/03/35" in 1935.
 * - A time after the date ("2024-04-01T00:00:00", "01/04/2024 00:00") is dropped, along with
 *   any time zone: the date is taken as written.
 * - Numbers, and text that is only a number, are Excel serial dates in the 1900 date system
 *   (a fraction is a time of day, dropped). Excel wrongly treats 1900 as a leap year, so
 *   serial 60 is 29 February 1900, a day that never existed, and is refused; serials from 61
 *   are one day later than a plain count from 31 December 1899.
 * - A whole number from 1900 to 2199 is refused as "only a year": as a serial it would be a
 *   day in 1905–1906, which no contract register means.
 */
export type UkDateParse = { ok: true; date: IsoDate | null } | { ok: false; message: string };

/** 31 December 9999, the last date Excel can show. */
export const MAX_EXCEL_SERIAL = 2_958_465;

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
];

const TIME = String.raw`(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`, 'i');
/** "1 April 2024", "1st Apr 2024", "01-Apr-24", "Monday, 1 April 2024". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})${TIME}$`,
  'i'
);
/** "April 1, 2024": unambiguous, as the month is a word. */
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const SERIAL = /^\d+(?:\.\d+)?$/;

const EXAMPLES = 'Use a date like 01/04/2024, 1 April 2024 or 2024-04-01';

function quoted(raw: string): string {
  return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
}

/** "apr", "april" and "sept" → 4, 4 and 9; anything else → null. */
function monthFromName(word: string): number | null {
  const name = word.toLowerCase();
  if (name === 'sept') return 9;
  const index = MONTH_NAMES.findIndex(
    (month) => name.length >= 3 && month.startsWith(name) && (name.length === 3 || name === month)
  );
  return index >= 0 ? index + 1 : null;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function fromParts(raw: string, year: number, month: number | null, day: number): UkDateParse {
  if (month === null || month < 1 || month > 12) {
    return {
      ok: false,
      message: `${quoted(raw)} is not a real date: the month must be between 1 and 12`
    };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const name = MONTH_NAMES[month - 1] ?? '';
    const monthName = name.charAt(0).toUpperCase() + name.slice(1);
    return {
      ok: false,
      message: `${quoted(raw)} is not a real date: the day must be between 1 and ${last} in ${monthName} ${year}`
    };
  }
  return { ok: true, date: formatIsoDate(year, month, day) };
}

/** An Excel serial date (1900 date system) into an ISO date. */
export function fromExcelSerial(serial: number): UkDateParse {
  if (!Number.isFinite(serial)) return { ok: false, message: `${serial} is not a date` };
  const whole = Math.floor(serial);
  if (whole >= 1900 && whole <= 2199 && whole === serial) {
    return { ok: false, message: `${quoted(String(serial))} is only a year. ${EXAMPLES}` };
  }
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) {
    return {
      ok: false,
      message: `${serial} is not a date: Excel dates are numbered from 1 to ${MAX_EXCEL_SERIAL}`
    };
  }
  if (whole === 60) {
    return {
      ok: false,
      message: 'Excel date 60 is 29 February 1900, which does not exist (a known Excel error)'
    };
  }
  // Serial 1 is 1 January 1900; from 61 on, Excel's extra 29 February 1900 is skipped.
  return { ok: true, date: addDays(whole < 60 ? '1899-12-31' : '1899-12-30', whole) };
}

/**
 * Reads one date cell of a contract register. Blank is allowed (null: not given); anything
 * else that is not a real date is refused with a message naming the value.
 */
export function parseUkDate(value: string | number): UkDateParse {
  if (typeof value === 'number') return fromExcelSerial(value);
  const text = value
    .replace(/[\uFEFF\u200B]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (text === '') return { ok: true, date: null };
  if (SERIAL.test(text)) return fromExcelSerial(Number(text));

  const iso = ISO.exec(text);
  if (iso) return fromParts(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, day = '', month = '', year = ''] = numeric;
    return fromParts(text, fullYear(year), Number(month), Number(day));
  }

  const named = DAY_MONTH_YEAR.exec(text);
  if (named) {
    const [, day = '', month = '', year = ''] = named;
    const monthNumber = monthFromName(month);
    if (monthNumber !== null) return fromParts(text, fullYear(year), monthNumber, Number(day));
  }

  const american = MONTH_DAY_YEAR.exec(text);
  if (american) {
    const [, month = '', day = '', year = ''] = american;
    const monthNumber = monthFromName(month);
    if (monthNumber !== null) return fromParts(text, Number(year), monthNumber, Number(day));
  }

  return { ok: false, message: `${quoted(text)} is not a date we recognise. ${EXAMPLES}` };
}
