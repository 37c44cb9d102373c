import type { ContractTerms } from '#lib/domain/contracts.ts';
import { compareIsoDates, formatLongDate, type IsoDate } from '#lib/domain/dates.ts';
import type { LgrTreatment } from '#lib/schemas/contract-filters.ts';
import { TREATMENT_LABELS } from '#lib/schemas/contract-filters.ts';
import { TREATMENT_SHORT_LABELS } from './treatment-colours';
import {
  clipSegments,
  contractDates,
  contractSegments,
  type ClippedSegment,
  type ContractDates
} from './runway-segments';
import {
  inWindow,
  runwayWindow,
  timeTicks,
  utcDate,
  windowScale,
  type RunwayWindow,
  type TimeTicks
} from './runway-window';

/**
 * The contract runway laid out for an SVG: lanes (one per council or supplier) stacked down
 * the page, one row per contract inside its lane so every bar can carry a readable label and
 * its own link, and a shared UTC time axis. D3 does the time maths; RunwayChart.svelte draws.
 */
export type LaneGrouping = 'council' | 'supplier';

export interface RunwayContract {
  id: string;
  reference: string;
  title: string;
  supplierName: string;
  councilName: string;
  treatment: LgrTreatment;
  terms: ContractTerms;
}

export interface PixelSegment extends ClippedSegment {
  x: number;
  width: number;
}

export interface RunwayRow {
  contract: RunwayContract;
  dates: ContractDates;
  /** Top of the row, in the chart's coordinates. */
  y: number;
  segments: PixelSegment[];
  /** The notice deadline when it falls inside the window. */
  notice: { date: IsoDate; x: number } | null;
  /** Everything the bar shows, in words: the link's accessible name. */
  description: string;
}

export interface RunwayLane {
  key: string;
  label: string;
  y: number;
  height: number;
  rows: RunwayRow[];
}

export interface RunwayLayout {
  window: RunwayWindow;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: TimeTicks;
  today: { date: IsoDate; x: number };
  vesting: { date: IsoDate; x: number } | null;
  lanes: RunwayLane[];
}

export const RUNWAY_WIDTH = 960;
export const LABEL_WIDTH = 250;
export const ROW_HEIGHT = 24;
export const BAR_HEIGHT = 14;
export const LANE_HEADER = 28;
export const AXIS_HEIGHT = 40;
const RIGHT_PAD = 16;
const LANE_GAP = 8;
/** A segment is never thinner than this, so a short option stays visible. */
const MIN_SEGMENT_WIDTH = 2;

const compareText = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/**
 * Contracts with no end date have no bar; the page lists them separately. Rows within a lane
 * are ordered by current end (soonest first), then reference; lanes by name.
 */
export function layoutRunway(
  contracts: RunwayContract[],
  options: { today: IsoDate; vestingDate: IsoDate; lanesBy: LaneGrouping }
): RunwayLayout {
  const window = runwayWindow(options.today, options.vestingDate);
  const plot = {
    left: LABEL_WIDTH,
    right: RUNWAY_WIDTH - RIGHT_PAD,
    top: AXIS_HEIGHT,
    bottom: AXIS_HEIGHT
  };
  const x = windowScale(window, [plot.left, plot.right]);
  const xOf = (date: IsoDate) => x(utcDate(date));

  const groups = new Map<string, { dates: ContractDates; contract: RunwayContract }[]>();
  for (const contract of contracts) {
    const dates = contractDates(contract.terms);
    if (dates.currentEnd === null) continue;
    const key = options.lanesBy === 'council' ? contract.councilName : contract.supplierName;
    const lane = groups.get(key) ?? [];
    lane.push({ contract, dates });
    groups.set(key, lane);
  }

  let y = plot.top;
  const lanes: RunwayLane[] = [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, entries]) => {
      entries.sort(
        (a, b) =>
          compareIsoDates(a.dates.currentEnd!, b.dates.currentEnd!) ||
          compareText(a.contract.reference, b.contract.reference)
      );
      const laneY = y;
      const rows = entries.map(({ contract, dates }, i) => {
        const segments = clipSegments(contractSegments(contract.terms), window).map((s) => {
          const left = xOf(s.from);
          // `to` is the last day of the piece: draw through the end of that day.
          const right = Math.min(x(dayAfter(s.to)), plot.right);
          return { ...s, x: left, width: Math.max(right - left, MIN_SEGMENT_WIDTH) };
        });
        const deadline = dates.noticeDeadline;
        return {
          contract,
          dates,
          y: laneY + LANE_HEADER + i * ROW_HEIGHT,
          segments,
          notice:
            deadline && inWindow(window, deadline) ? { date: deadline, x: xOf(deadline) } : null,
          description: describeContract(contract, dates, options.today)
        };
      });
      const height = LANE_HEADER + rows.length * ROW_HEIGHT;
      y += height + LANE_GAP;
      return { key, label: key, y: laneY, height, rows };
    });

  const contentBottom = lanes.length > 0 ? y - LANE_GAP : plot.top;
  return {
    window,
    width: RUNWAY_WIDTH,
    height: contentBottom + plot.bottom,
    plot: { ...plot, bottom: contentBottom },
    ticks: timeTicks(x),
    today: { date: options.today, x: xOf(options.today) },
    vesting: inWindow(window, options.vestingDate)
      ? { date: options.vestingDate, x: xOf(options.vestingDate) }
      : null,
    lanes
  };
}

function dayAfter(date: IsoDate): Date {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * The bar in one sentence, for screen readers and the link's accessible name:
 * "TCC-1: ERP support, Ledgerline Ltd, Thornshire County Council. Decision: Undecided.
 * Ends 30 June 2028. Notice deadline 31 December 2027 (passed). 2 options left, to 30 June 2030."
 */
export function describeContract(
  contract: RunwayContract,
  dates: ContractDates,
  today: IsoDate
): string {
  // It opens with what the row shows (reference, then the decision's short label), so the
  // link's name holds its visible words in order (WCAG 2.5.3, label in name).
  const short = TREATMENT_SHORT_LABELS[contract.treatment];
  const long = TREATMENT_LABELS[contract.treatment];
  const parts = [
    `${contract.reference}, ${short}: ${contract.title}, ${contract.supplierName}, ${contract.councilName}.`
  ];
  if (long !== short) parts.push(`Decision: ${long}.`);
  if (dates.currentEnd) parts.push(`Ends ${formatLongDate(dates.currentEnd)}.`);
  if (dates.noticeDeadline) {
    const passed = compareIsoDates(dates.noticeDeadline, today) < 0;
    parts.push(
      `Notice deadline ${formatLongDate(dates.noticeDeadline)}${passed ? ' (passed)' : ''}.`
    );
  }
  const exercised = contract.terms.extensionOptions.filter((o) => o.exercised).length;
  const remaining = contract.terms.extensionOptions.length - exercised;
  if (exercised > 0) parts.push(`${exercised} ${exercised === 1 ? 'option' : 'options'} used.`);
  if (remaining > 0 && dates.maximumEnd) {
    parts.push(
      `${remaining} ${remaining === 1 ? 'option' : 'options'} left, to ${formatLongDate(dates.maximumEnd)}.`
    );
  }
  return parts.join(' ');
}
