import { scaleBand, scaleLinear } from 'd3';
import { addDays, addMonths, compareIsoDates, type IsoDate } from '#lib/domain/dates.ts';
import { quarterStart, type RunwayWindow } from './runway-window';

/**
 * The "cliff": how many contracts, and how much annual value, end in each quarter of the
 * runway window. Quarters are calendar quarters, which are also the financial year's
 * (April to June is the first quarter of a council's year), labelled by month so there is no
 * doubt about which convention is meant.
 */
export interface Quarter {
  start: IsoDate;
  /** The last day of the quarter. */
  end: IsoDate;
  label: string;
}

export interface QuarterTotal {
  /** The quarter's first day. */
  quarter: IsoDate;
  count: number;
  valuePence: number;
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

export function quarterOf(date: IsoDate): Quarter {
  const start = quarterStart(date);
  const end = addDays(addMonths(start, 3), -1);
  const first = SHORT_MONTHS[Number(start.slice(5, 7)) - 1];
  const last = SHORT_MONTHS[Number(end.slice(5, 7)) - 1];
  return { start, end, label: `${first}–${last} ${start.slice(0, 4)}` };
}

/** Every quarter that overlaps the window, in order. */
export function quartersOf(window: RunwayWindow): Quarter[] {
  const quarters: Quarter[] = [];
  for (
    let start = quarterStart(window.start);
    compareIsoDates(start, window.end) <= 0;
    start = addMonths(start, 3)
  ) {
    quarters.push(quarterOf(start));
  }
  return quarters;
}

export interface CliffBar extends Quarter {
  count: number;
  valuePence: number;
  x: number;
  width: number;
  countY: number;
  countHeight: number;
  valueY: number;
  valueHeight: number;
}

export interface CliffLayout {
  width: number;
  /** Height of each of the two panels (count, value), drawn one above the other. */
  panelHeight: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: CliffBar[];
  countTicks: { value: number; y: number }[];
  valueTicks: { value: number; y: number }[];
  /** Label every nth quarter so labels do not collide. */
  labelEvery: number;
}

export const CLIFF_WIDTH = 960;
export const CLIFF_PANEL_HEIGHT = 200;

/** Totals for quarters outside the window are ignored; quarters with none show as zero. */
export function layoutCliff(window: RunwayWindow, totals: QuarterTotal[]): CliffLayout {
  const byQuarter = new Map<IsoDate, QuarterTotal>();
  for (const t of totals) byQuarter.set(quarterStart(t.quarter), t);
  const quarters = quartersOf(window);
  const plot = { left: 90, right: CLIFF_WIDTH - 16, top: 16, bottom: CLIFF_PANEL_HEIGHT - 40 };
  const x = scaleBand<IsoDate>()
    .domain(quarters.map((q) => q.start))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const counts = quarters.map((q) => byQuarter.get(q.start)?.count ?? 0);
  const values = quarters.map((q) => byQuarter.get(q.start)?.valuePence ?? 0);
  const yCount = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .nice()
    .range([plot.bottom, plot.top]);
  const yValue = scaleLinear()
    .domain([0, Math.max(100, ...values)])
    .nice()
    .range([plot.bottom, plot.top]);
  const bars = quarters.map((q, i) => {
    const count = counts[i]!;
    const valuePence = values[i]!;
    return {
      ...q,
      count,
      valuePence,
      x: x(q.start)!,
      width: x.bandwidth(),
      countY: yCount(count),
      countHeight: plot.bottom - yCount(count),
      valueY: yValue(valuePence),
      valueHeight: plot.bottom - yValue(valuePence)
    };
  });
  return {
    width: CLIFF_WIDTH,
    panelHeight: CLIFF_PANEL_HEIGHT,
    plot,
    bars,
    // Counts are whole contracts: no tick at 0.5.
    countTicks: yCount
      .ticks(4)
      .filter(Number.isInteger)
      .map((value) => ({ value, y: yCount(value) })),
    valueTicks: yValue.ticks(4).map((value) => ({ value, y: yValue(value) })),
    labelEvery: Math.max(1, Math.ceil(quarters.length / 12))
  };
}
