import type { IsoDate } from '../dates';
import { addMonths, monthIndex, startOfQuarter } from './months';
import type { RoadmapItem } from './types';

export interface QuarterLoad {
  start: IsoDate;
  /** Exclusive. */
  end: IsoDate;
  /** Redesigns in flight at any time in the quarter. */
  itemIds: string[];
}

/** What counting an item against capacity needs of it. */
export type LoadItem = Pick<RoadmapItem, 'id' | 'kind' | 'startDate' | 'endDate'>;

/** Only redesigns count against capacity: foundations are run by the corporate teams. */
export function countsAgainstCapacity(item: Pick<RoadmapItem, 'kind'>): boolean {
  return item.kind === 'redesign';
}

/**
 * Redesigns in flight per calendar quarter, for every quarter touching [from, to). An item is
 * in flight in a quarter when it starts before the quarter ends and ends after it starts
 * (`overlaps`); each item goes straight into its run of quarters, so this is one pass over
 * the items rather than one per quarter (5,000 items over a decade is 220,000 comparisons).
 */
export function quarterLoads(items: LoadItem[], from: IsoDate, to: IsoDate): QuarterLoad[] {
  const loads: QuarterLoad[] = [];
  for (let start = startOfQuarter(from); start < to; start = addMonths(start, 3)) {
    loads.push({ start, end: addMonths(start, 3), itemIds: [] });
  }
  if (loads.length === 0) return loads;
  const first = monthIndex(loads[0]!.start);
  /** The quarter (from 0) a date falls in. */
  const quarterOf = (date: IsoDate) => Math.floor((monthIndex(date) - first) / 3);
  for (const item of items) {
    if (!countsAgainstCapacity(item)) continue;
    // Quarters ending after the start, and starting before the end (a first-of-quarter end
    // does not reach into the quarter it begins).
    const low = Math.max(0, quarterOf(item.startDate));
    const high = Math.min(
      loads.length - 1,
      quarterOf(item.endDate) - (isFirstOfQuarter(item.endDate) ? 1 : 0)
    );
    for (let q = low; q <= high; q++) loads[q]!.itemIds.push(item.id);
  }
  return loads;
}

function isFirstOfQuarter(date: IsoDate): boolean {
  return date.endsWith('-01') && monthIndex(date) % 3 === 0;
}

export interface QuarterCount {
  start: IsoDate;
  end: IsoDate;
  count: number;
}

/**
 * The quarters' counts with one item at other dates, from the loads without the move: what
 * the capacity strip shows while a bar is dragged, without counting every item again.
 */
export function countsWithMove(
  loads: QuarterLoad[],
  before: LoadItem,
  after: LoadItem
): QuarterCount[] {
  if (loads.length === 0) return [];
  const from = loads[0]!.start;
  const to = loads.at(-1)!.end;
  const was = quarterLoads([before], from, to);
  const now = quarterLoads([after], from, to);
  return loads.map((q, i) => ({
    start: q.start,
    end: q.end,
    count: q.itemIds.length - was[i]!.itemIds.length + now[i]!.itemIds.length
  }));
}
