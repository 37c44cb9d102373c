/**
 * Date-only values are `YYYY-MM-DD` strings, interpreted in UTC. They never pass through a
 * local-time `Date`, so a British Summer Time server cannot shift 1 April to 31 March.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parsed dates, kept because the same few thousand dates are parsed again and again: deriving
 * 15,000 contracts' end and notice dates for the checks parsed each one several times, which
 * dominated the overview page at the scale of the largest programmes (bench/run.js). Frozen,
 * so no caller can change a shared entry; bounded, so a long-lived server never grows it.
 */
const PARSED = new Map<string, Readonly<[number, number, number]>>();
const PARSED_LIMIT = 20_000;

function parts(date: IsoDate): Readonly<[number, number, number]> {
  const known = PARSED.get(date);
  if (known) return known;
  if (!isIsoDate(date)) throw new RangeError(`Not a valid date: ${date}`);
  const parsed = Object.freeze(date.split('-').map(Number) as [number, number, number]);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(date, parsed);
  return parsed;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** month is 1–12 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date in UTC. */
export function todayUtc(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

function toEpochDays(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromEpochDays(days: number): IsoDate {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDays(toEpochDays(date) + days);
}

/**
 * Calendar months, clamped to the month's end: 31 January + 1 month = 28 (or 29) February.
 * This is how contract terms are read ("a term of one month from 31 January").
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDays(to) - toEpochDays(from);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

/** GOV.UK style: 1 April 2028. */
export function formatLongDate(date: IsoDate): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
