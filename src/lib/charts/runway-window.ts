import { scaleUtc, utcMonth, utcYear, type ScaleTime } from 'd3';
import { addMonths, compareIsoDates, formatIsoDate, type IsoDate } from '#lib/domain/dates.ts';

/**
 * The span the runway and the cliff chart cover: from the start of today's quarter (so the
 * today line sits inside the chart and quarters line up with the cliff) to three years after
 * vesting day, when every predecessor contract should have been replaced or extended on purpose.
 * Once vesting day is long past, the window still runs at least a year past today.
 */
export interface RunwayWindow {
  start: IsoDate;
  /** Inclusive: the last day shown. */
  end: IsoDate;
}

export const YEARS_AFTER_VESTING = 3;

/** The first day of the calendar quarter holding `date`: 1 January, April, July or October. */
export function quarterStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return formatIsoDate(year, month - ((month - 1) % 3), 1);
}

export function runwayWindow(today: IsoDate, vestingDate: IsoDate): RunwayWindow {
  const afterVesting = addMonths(vestingDate, YEARS_AFTER_VESTING * 12);
  const atLeast = addMonths(today, 12);
  return {
    start: quarterStart(today),
    end: compareIsoDates(afterVesting, atLeast) >= 0 ? afterVesting : atLeast
  };
}

/** Midnight UTC at the start of a date-only value, for D3's UTC scales. */
export function utcDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function isoOf(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function inWindow(window: RunwayWindow, date: IsoDate): boolean {
  return compareIsoDates(date, window.start) >= 0 && compareIsoDates(date, window.end) <= 0;
}

/**
 * A UTC time scale over the window. A date's x is the start of that day; the window's end
 * maps to the start of the day after it, so the last day has width.
 */
export function windowScale(
  window: RunwayWindow,
  range: [number, number]
): ScaleTime<number, number> {
  const end = utcDate(window.end);
  end.setUTCDate(end.getUTCDate() + 1);
  return scaleUtc()
    .domain([utcDate(window.start), end])
    .range(range);
}

export interface TimeTicks {
  /** 1 January of each year inside the window, labelled with the year. */
  years: { date: IsoDate; x: number; label: string }[];
  /** The first day of each quarter inside the window, for light grid lines. */
  quarters: { date: IsoDate; x: number }[];
}

export function timeTicks(x: ScaleTime<number, number>): TimeTicks {
  const [from, to] = x.domain() as [Date, Date];
  // d3's range is [start, stop): 1 January of the window's start is included when it is the start.
  const years = utcYear.range(from, to).map((d) => ({
    date: isoOf(d),
    x: x(d),
    label: String(d.getUTCFullYear())
  }));
  const quarters = utcMonth
    .every(3)!
    .range(from, to)
    .map((d) => ({ date: isoOf(d), x: x(d) }));
  return { years, quarters };
}
