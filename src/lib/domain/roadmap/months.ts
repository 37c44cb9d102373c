import { addMonths, formatIsoDate, formatLongDate, type IsoDate } from '../dates';

/**
 * Month arithmetic for the roadmap, on `YYYY-MM-DD` strings in UTC. The roadmap plans in whole
 * months, so most dates are the first of a month; the helpers accept any day.
 */
export function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

export function firstOfMonthIndex(index: number): IsoDate {
  return formatIsoDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** Whole calendar months from `from` to `to`, ignoring the day. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return monthIndex(to) - monthIndex(from);
}

/** The first of the month on or before the date. */
export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the calendar quarter the date falls in. */
export function startOfQuarter(date: IsoDate): IsoDate {
  const index = monthIndex(date);
  return firstOfMonthIndex(index - (index % 3));
}

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec'
];

/** "Apr–Jun 2029": unambiguous whichever way a council counts its quarters. */
export function quarterLabel(quarterStart: IsoDate): string {
  const index = monthIndex(quarterStart);
  const month = index % 12;
  return `${SHORT_MONTHS[month]}–${SHORT_MONTHS[month + 2]} ${Math.floor(index / 12)}`;
}

/** "April 2029" */
export function monthLabel(date: IsoDate): string {
  return formatLongDate(startOfMonth(date)).replace(/^1 /, '');
}

/** "1 year and 3 months", "5 months" */
export function durationLabel(months: number): string {
  const m = Math.abs(months);
  const years = Math.floor(m / 12);
  const rest = m % 12;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (years === 0) return part(rest, 'month');
  if (rest === 0) return part(years, 'year');
  return `${part(years, 'year')} and ${part(rest, 'month')}`;
}

export { addMonths };
