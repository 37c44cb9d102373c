import { scaleUtc, utcMonth, utcYear, type ScaleTime } from 'd3';
import type { IsoDate } from '#lib/domain/dates.ts';

/**
 * The time maths of the roadmap timeline: D3's UTC time scale, the ticks for each zoom level,
 * month snapping and zooming around a point. Pure, so the server draws exactly what the
 * browser does and the tests can check it.
 */
export const ZOOM_LEVELS = ['month', 'quarter', 'year', 'decade'] as const;
export type ZoomLevel = (typeof ZOOM_LEVELS)[number];

export const ZOOM_LABELS: Record<ZoomLevel, string> = {
  month: 'Months',
  quarter: 'Quarters',
  year: 'Years',
  decade: 'Decade'
};

/** Pixels per month at each zoom level; wheel and pinch zoom move freely between them. */
export const PX_PER_MONTH: Record<ZoomLevel, number> = {
  month: 90,
  quarter: 32,
  year: 14,
  decade: 7
};
export const MIN_PX_PER_MONTH = 3;
export const MAX_PX_PER_MONTH = 160;

const DAYS_PER_MONTH = 365.2425 / 12;

export function isoToDate(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function dateToIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export type TimeScale = ScaleTime<number, number>;

/** A UTC time scale over [from, to) at the given density. */
export function timeScale(from: IsoDate, to: IsoDate, pxPerMonth: number): TimeScale {
  const start = isoToDate(from);
  const end = isoToDate(to);
  const months = (end.getTime() - start.getTime()) / 86_400_000 / DAYS_PER_MONTH;
  return scaleUtc()
    .domain([start, end])
    .range([0, Math.round(months * pxPerMonth)]);
}

/** The nearest first of a month to a moment, in UTC: where a dragged edge lands. */
export function snapToMonth(date: Date): IsoDate {
  const floor = utcMonth.floor(date);
  const ceil = utcMonth.ceil(date);
  const nearer = date.getTime() - floor.getTime() < ceil.getTime() - date.getTime() ? floor : ceil;
  return dateToIso(nearer);
}

/**
 * Whole months a point moves when dragged `dx` pixels from the date `from`: from the month it
 * snaps to where it is to the month it snaps to where it lands, so a date late in a month
 * does not move when dragged nowhere.
 */
export function monthsMoved(scale: TimeScale, from: IsoDate, dx: number): number {
  const origin = scale(isoToDate(from));
  const a = isoToDate(snapToMonth(scale.invert(origin)));
  const b = isoToDate(snapToMonth(scale.invert(origin + dx)));
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

export interface Tick {
  iso: IsoDate;
  x: number;
  label: string;
}

const SHORT_MONTH = [
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

/**
 * Ticks for the axis at a density: years always (labelled, unless they are too close to read),
 * and below them months or quarters when there is room to label them.
 */
export function axisTicks(scale: TimeScale, pxPerMonth: number): { major: Tick[]; minor: Tick[] } {
  const [start, end] = scale.domain() as [Date, Date];
  const tick = (d: Date, label: string): Tick => ({ iso: dateToIso(d), x: scale(d), label });
  const yearStep = pxPerMonth * 12 >= 40 ? 1 : pxPerMonth * 12 >= 20 ? 2 : 5;
  const major = utcYear
    .every(yearStep)!
    .range(utcYear.ceil(start), new Date(end.getTime() + 1))
    .map((d) => tick(d, String(d.getUTCFullYear())));
  let minor: Tick[] = [];
  if (pxPerMonth >= 28) {
    minor = utcMonth
      .range(utcMonth.ceil(start), new Date(end.getTime() + 1))
      .filter((d) => d.getUTCMonth() !== 0)
      .filter((d) => pxPerMonth >= 60 || d.getUTCMonth() % 3 === 0)
      .map((d) => tick(d, SHORT_MONTH[d.getUTCMonth()]!));
  } else if (pxPerMonth >= 10) {
    minor = utcMonth
      .every(3)!
      .range(utcMonth.ceil(start), new Date(end.getTime() + 1))
      .filter((d) => d.getUTCMonth() !== 0)
      .map((d) => tick(d, ''));
  }
  return { major, minor };
}

/** The zoom level whose density is nearest (by ratio) to a free density. */
export function nearestLevel(pxPerMonth: number): ZoomLevel {
  let best: ZoomLevel = 'year';
  let distance = Infinity;
  for (const level of ZOOM_LEVELS) {
    const d = Math.abs(Math.log(PX_PER_MONTH[level] / pxPerMonth));
    if (d < distance) {
      best = level;
      distance = d;
    }
  }
  return best;
}

/**
 * Zoom by `factor` keeping the moment under the pointer (at `anchorX` from the left of the
 * visible area) where it is: returns the new density and horizontal scroll.
 */
export function zoomAround(
  pxPerMonth: number,
  factor: number,
  anchorX: number,
  scrollLeft: number
): { pxPerMonth: number; scrollLeft: number } {
  const next = Math.min(MAX_PX_PER_MONTH, Math.max(MIN_PX_PER_MONTH, pxPerMonth * factor));
  const contentX = scrollLeft + anchorX;
  return {
    pxPerMonth: next,
    scrollLeft: Math.max(0, contentX * (next / pxPerMonth) - anchorX)
  };
}

/** The zoom level from the query string, or the default. */
export function parseZoom(value: string | null, fallback: ZoomLevel = 'year'): ZoomLevel {
  return (ZOOM_LEVELS as readonly string[]).includes(value ?? '') ? (value as ZoomLevel) : fallback;
}

/**
 * The span the timeline draws: from the start of the year of the earliest of today, vesting
 * day and the first item, to the 1 January after the later of the horizon and the last item.
 */
export function timelineWindow(
  dates: { today: IsoDate; vestingDate: IsoDate; horizonEnd: IsoDate },
  items: { startDate: IsoDate; endDate: IsoDate }[]
): { from: IsoDate; to: IsoDate } {
  const starts = [dates.today, dates.vestingDate, ...items.map((i) => i.startDate)].sort();
  const ends = [dates.horizonEnd, ...items.map((i) => i.endDate)].sort();
  const first = Number(starts[0]!.slice(0, 4));
  const last = ends.at(-1)!;
  const lastYear = Number(last.slice(0, 4)) + (last.slice(5) === '01-01' ? 0 : 1);
  return { from: `${first}-01-01`, to: `${lastYear}-01-01` };
}
