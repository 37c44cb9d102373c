import type { IsoDate } from '../dates';
import { addMonths, startOfQuarter } from './months';
import { overlaps } from './schedule';
import type { RoadmapItem } from './types';

export interface QuarterLoad {
  start: IsoDate;
  /** Exclusive. */
  end: IsoDate;
  /** Redesigns in flight at any time in the quarter. */
  itemIds: string[];
}

/** Only redesigns count against capacity: foundations are run by the corporate teams. */
export function countsAgainstCapacity(item: Pick<RoadmapItem, 'kind'>): boolean {
  return item.kind === 'redesign';
}

/** Redesigns in flight per calendar quarter, for every quarter touching [from, to). */
export function quarterLoads(items: RoadmapItem[], from: IsoDate, to: IsoDate): QuarterLoad[] {
  const loads: QuarterLoad[] = [];
  const counted = items.filter(countsAgainstCapacity);
  for (let start = startOfQuarter(from); start < to; start = addMonths(start, 3)) {
    const end = addMonths(start, 3);
    loads.push({
      start,
      end,
      itemIds: counted.filter((item) => overlaps(item, start, end)).map((item) => item.id)
    });
  }
  return loads;
}
