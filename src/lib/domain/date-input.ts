import { formatIsoDate, isIsoDate, type IsoDate } from './dates';

/**
 * The GOV.UK date input: day, month and year in three boxes. Messages follow the design
 * system's wording ("… must include a month", "… must be a real date").
 */
export type DatePartsResult =
  { ok: true; date: IsoDate } | { ok: false; message: string; part: 'day' | 'month' | 'year' };

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec'
];

export function parseDateParts(
  label: string,
  day: string,
  month: string,
  year: string
): DatePartsResult {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  if (!d && !m && !y)
    return { ok: false, message: `Enter the ${label.toLowerCase()}`, part: 'day' };
  if (!d) return { ok: false, message: `${label} must include a day`, part: 'day' };
  if (!m) return { ok: false, message: `${label} must include a month`, part: 'month' };
  if (!y) return { ok: false, message: `${label} must include a year`, part: 'year' };
  // People type "April" or "apr" as often as "4".
  const named = MONTH_NAMES.indexOf(m.slice(0, 3).toLowerCase());
  const monthNumber = /^\d{1,2}$/.test(m) ? Number(m) : named >= 0 ? named + 1 : NaN;
  if (!/^\d{1,2}$/.test(d) || Number.isNaN(monthNumber)) {
    return { ok: false, message: `${label} must be a real date`, part: 'day' };
  }
  if (!/^\d{4}$/.test(y))
    return { ok: false, message: 'Year must include 4 numbers', part: 'year' };
  const iso = formatIsoDate(Number(y), monthNumber, Number(d));
  if (!isIsoDate(iso)) return { ok: false, message: `${label} must be a real date`, part: 'day' };
  return { ok: true, date: iso };
}
