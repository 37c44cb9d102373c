import type { RoadmapDependency } from '#lib/domain/roadmap/index.ts';
import { groupBy } from '#lib/domain/collections.ts';
import {
  BAR_HEIGHT,
  dependenciesByItem,
  laneKeyOf,
  layoutRows,
  type BarRow,
  type Lane,
  type LaneGrouping,
  type LaneLayout,
  type RowLayout,
  type TimelineItem
} from './timeline-layout';
import { isoToDate } from './timeline-scale';
import { pageView, timelinePages, type TimelinePage } from './timeline-visible';

/**
 * One page of a large timeline, cut by the server: the page sends only this page's items (the
 * browser fetches the rest once the page is drawn), and says where each sits in the
 * whole timeline, so the page of bars is drawn exactly where it will be once all have come.
 * Without JavaScript it is the timeline, a page at a time.
 */
export interface TimelinePart {
  pages: TimelinePage[];
  /** Which page this is, from 0. */
  index: number;
  /** Every lane, laid out in the whole timeline. */
  lanes: LaneLayout[];
  /** The whole timeline's height. */
  height: number;
  /** Each of the page's items' row (its bar's top). */
  y: Record<string, number>;
  /**
   * Redesigns in flight in each quarter of the timeline's window, counting every item (the
   * part's items alone would undercount the capacity strip); set by the page.
   */
  counts?: number[];
}

/** The page `asked` (from 1) of the timeline cut into pages at most `maxHeight` tall. */
export function timelinePart<T extends TimelineItem>(
  items: T[],
  dependencies: RoadmapDependency[],
  lanes: Lane[],
  grouping: LaneGrouping,
  maxHeight: number,
  asked: number
): { items: T[]; dependencies: RoadmapDependency[]; part: TimelinePart } {
  const rows = layoutRows(items, dependencies, lanes, grouping);
  return cutPart<T>(rows, timelinePages(rows, maxHeight), asked);
}

/** `timelinePart` from rows and pages already laid out (kept from one request to the next). */
export function cutPart<T extends TimelineItem>(
  rows: RowLayout,
  pages: TimelinePage[],
  asked: number
): { items: T[]; dependencies: RoadmapDependency[]; part: TimelinePart } {
  const index = Math.min(Math.max(1, asked), pages.length) - 1;
  const view = pageView(pages[index]!);
  const onPage = rows.bars.filter((b) => b.y + BAR_HEIGHT >= view.top && b.y - 6 <= view.bottom);
  const ids = new Set(onPage.map((b) => b.item.id));
  return {
    items: onPage.map((b) => b.item as T),
    dependencies: rows.dependencies.filter(
      (d) => ids.has(d.predecessorId) && ids.has(d.successorId)
    ),
    part: {
      pages,
      index,
      lanes: rows.lanes,
      height: rows.height,
      y: Object.fromEntries(onPage.map((b) => [b.item.id, b.y]))
    }
  };
}

/** The rows of a part's items, where the whole timeline's layout puts them. */
export function rowsOfPart(
  items: TimelineItem[],
  dependencies: RoadmapDependency[],
  part: TimelinePart,
  grouping: LaneGrouping
): RowLayout {
  const bars: BarRow[] = items.flatMap((item) => {
    const y = part.y[item.id];
    return y === undefined
      ? []
      : [
          {
            item,
            laneKey: laneKeyOf(item, grouping),
            y,
            t0: isoToDate(item.startDate).getTime(),
            t1: isoToDate(item.endDate).getTime()
          }
        ];
  });
  const barOf = new Map(bars.map((b) => [b.item.id, b]));
  const kept = dependencies.filter((d) => barOf.has(d.predecessorId) && barOf.has(d.successorId));
  return {
    lanes: part.lanes,
    bars,
    barOf,
    barsByLane: groupBy(bars, (b) => b.laneKey),
    dependencies: kept,
    dependenciesOf: dependenciesByItem(kept),
    height: part.height
  };
}
