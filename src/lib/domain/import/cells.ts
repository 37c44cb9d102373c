import { formatIsoDate, type IsoDate } from '../dates';
import { extensionOptionsFromText } from '../extension-options';
import { parsePounds } from '../money';
import { normaliseText, type TextKind } from '../text';
import { parseUkDate } from './dates';
import type { Cell } from './table';

/**
 * One cell of a register into one value of ours, or a message that says what is wrong with
 * it in the words of the person who typed it. Every reader takes what CSV gives (text) and
 * what Excel gives (numbers, dates, true/false) alike.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });

/** Longest text we keep from one cell; longer is refused rather than cut. */
export const MAX_CELL_LENGTH = 10_000;

function quote(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/**
 * A formula written as text (in a CSV, or typed with a leading apostrophe in Excel). We never
 * evaluate it, and storing it would hand it to the next spreadsheet that opens an export.
 */
const FORMULA = /^(=.|[+@][A-Z]+\()/i;

export function isFormula(cell: Cell): boolean {
  return typeof cell === 'string' && FORMULA.test(cell.trim());
}

export function formulaMessage(cell: Cell): string {
  return `${quote(cellText(cell))} is a formula, not a value. In Excel, copy the column and use Paste Special → Values, then save again`;
}

/** Text of a cell, trimmed, whitespace runs kept; numbers as Excel shows them (no exponent). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.replace(/\u00a0/g, ' ').trim();
  if (typeof cell === 'boolean') return cell ? 'Yes' : 'No';
  if (cell instanceof Date)
    return formatIsoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  return Number.isInteger(cell)
    ? cell.toLocaleString('en-GB', { useGrouping: false })
    : String(cell);
}

/**
 * A cell that becomes a text field, by the rules every way in follows (../text.ts). Control
 * characters are removed rather than refused: a register comes from another system in bulk,
 * nobody can see an invisible character in a spreadsheet to fix it, and it carries no meaning.
 */
export function readText(cell: Cell, max: number, kind: TextKind = 'line'): Read<string | null> {
  const text = normaliseText(cellText(cell), kind).text.trim();
  if (text === '') return ok(null);
  if (FORMULA.test(text)) return bad(formulaMessage(text));
  if (text.length > Math.min(max, MAX_CELL_LENGTH)) {
    return bad(
      `must be ${Math.min(max, MAX_CELL_LENGTH).toLocaleString('en-GB')} characters or fewer (it has ${text.length.toLocaleString('en-GB')})`
    );
  }
  return ok(text);
}

export function readRequiredText(cell: Cell, max: number, missing: string): Read<string> {
  const read = readText(cell, max);
  if (!read.ok) return read;
  return read.value === null ? bad(missing) : ok(read.value);
}

export function readDate(cell: Cell): Read<IsoDate | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('is not a date');
    return ok(cellText(cell));
  }
  if (typeof cell === 'boolean') return bad(`${quote(cellText(cell))} is not a date`);
  const parsed = parseUkDate(typeof cell === 'number' ? cell : cellText(cell));
  return parsed.ok ? ok(parsed.date) : bad(parsed.message);
}

export function readMoney(cell: Cell, label: string): Read<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad(`${label} is not a number`);
    if (cell < 0) return bad(`${label} cannot be negative`);
    const pence = Math.round(cell * 100);
    if (Math.abs(cell * 100 - pence) > 1e-6) {
      return bad(`${label} can have no more than 2 decimal places, like £1,234.56`);
    }
    return readMoney(String(pence / 100), label);
  }
  const parsed = parsePounds(cellText(cell).slice(0, 100), label);
  return parsed.ok ? ok(parsed.pence) : bad(parsed.message);
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'critical']);
const NO = new Set(['no', 'n', 'false', '0', 'not critical', 'none', '-', 'n a', 'na']);

export function readYesNo(cell: Cell): Read<boolean | null> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell)
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`${quote(cellText(cell))} is not yes or no`);
}

/**
 * A Companies House number. Excel drops leading zeros from numbers, so "1234567" is read as
 * "01234567"; Scottish and other prefixed numbers ("SC123456") are kept as written.
 */
export function readCompanyNumber(cell: Cell): Read<string | null> {
  const text = cellText(cell).replace(/\s+/g, '').toUpperCase();
  if (text === '' || text === 'N/A' || text === 'NA' || text === '-') return ok(null);
  const padded = /^\d{1,7}$/.test(text) ? text.padStart(8, '0') : text;
  if (!/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(padded)) {
    return bad(
      `${quote(cellText(cell))} is not a Companies House number: 8 digits, or 2 letters and 6 digits, like SC123456`
    );
  }
  return ok(padded);
}

export interface NoticePeriod {
  value: number;
  unit: 'days' | 'months';
}

const NOTICE = /^(\d{1,4})\s*(days?|d|weeks?|wks?|w|months?|mths?|m|years?|yrs?|y)?$/;

/** "3 months", "90 days", "12 weeks" (84 days), "1 year" (12 months); a bare number is months. */
export function readNoticePeriod(cell: Cell): Read<NoticePeriod | null> {
  const text = cellText(cell).toLowerCase().replace(/['’]/g, '');
  if (text === '' || text === 'none' || text === 'n/a') return ok(null);
  const match = NOTICE.exec(text);
  if (!match) {
    return bad(
      `${quote(cellText(cell))} is not a notice period: write it like 3 months or 90 days`
    );
  }
  const n = Number(match[1]);
  const unit = match[2] ?? 'months';
  const period: NoticePeriod = /^d/.test(unit)
    ? { value: n, unit: 'days' }
    : /^w/.test(unit)
      ? { value: n * 7, unit: 'days' }
      : /^y/.test(unit)
        ? { value: n * 12, unit: 'months' }
        : { value: n, unit: 'months' };
  if (period.value > 3650) return bad('must be 3650 or fewer days or months');
  return ok(period);
}

const REPEATED = /^(\d{1,2})\s*[x×]\s*(\d{1,3})\s*([a-z]*)$/;

/**
 * Extension options in the register's words. Besides "2+1+1 years", a "2 x 12 months" repeat
 * is expanded, and a yes/no column (CONTRACT_EXTENDABLE) gives no lengths: "Yes" without a
 * length tells us nothing we can date, so it is read as no options rather than refused.
 */
export function readExtensionOptions(cell: Cell): Read<number[]> {
  if (typeof cell === 'boolean') return ok([]);
  const text = cellText(cell).toLowerCase();
  if (YES.has(text) || NO.has(text) || text === '') return ok([]);
  if (typeof cell === 'number') return readExtensionOptions(`${cell} years`);
  const repeated = REPEATED.exec(text);
  const expanded = repeated
    ? `${Array.from({ length: Number(repeated[1]) }, () => repeated[2]).join('+')} ${repeated[3]}`
    : text;
  const parsed = extensionOptionsFromText(expanded);
  if (parsed.ok) return ok(parsed.months);
  return bad(
    `${quote(cellText(cell))} is not understood: write extension options like 2+1+1 years or 18+6 months, or choose not to import this column`
  );
}

/** A whole number of people, "1,250" included. */
export function readCount(cell: Cell, max: number): Read<number | null> {
  const text = cellText(cell).replace(/[\s,]/g, '');
  if (text === '') return ok(null);
  if (!/^\d{1,9}$/.test(text)) return bad(`${quote(cellText(cell))} is not a whole number`);
  const n = Number(text);
  if (n > max) return bad(`must be ${max.toLocaleString('en-GB')} or fewer`);
  return ok(n);
}

/** One of a fixed list of values, matched on words: "SaaS", "Software as a service", "saas". */
export function readChoice<T extends string>(
  cell: Cell,
  synonyms: Record<string, T>,
  label: string,
  choices: string
): Read<T | null> {
  const raw = cellText(cell);
  const key = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (key === '') return ok(null);
  const value = synonyms[key];
  if (value) return ok(value);
  return bad(`${quote(raw)} is not a ${label}: use one of ${choices}`);
}
