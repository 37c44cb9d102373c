import type { IsoDate } from '#lib/domain/dates.ts';
import type { RoadmapDependency, WarningNote } from '#lib/domain/roadmap/index.ts';
import type { Lane, LaneGrouping, TimelineItem } from './timeline-layout';

/**
 * What both timelines draw, the interactive one (RoadmapTimeline) and the self-contained SVG
 * document (StaticTimeline): the items in their lanes over a window of time, at a zoom, with
 * the lines and the capacity strip around them.
 */
export interface TimelineDrawing<T extends TimelineItem = TimelineItem> {
  items: T[];
  dependencies: RoadmapDependency[];
  lanes: Lane[];
  grouping: LaneGrouping;
  from: IsoDate;
  to: IsoDate;
  pxPerMonth: number;
  today: IsoDate;
  vestingDate: IsoDate;
  horizonEnd: IsoDate;
  milestones: { id: string; name: string; date: IsoDate }[];
  capacity: number;
  /** Each item's warnings in brief, by item id. */
  warnings: Record<string, WarningNote>;
}

/** A bar of the interactive timeline: an item that links to its page and can be moved. */
export interface TimelineBar extends TimelineItem {
  version: number;
  owner: string | null;
  href: string;
}

/** What a roadmap view has that a drawing of it needs (the page's, the present view's, an export's). */
export interface DrawableView<T extends TimelineItem> {
  items: T[];
  dependencies: RoadmapDependency[];
  lanes: Lane[];
  window: { from: IsoDate; to: IsoDate };
  settings: { vestingDate: IsoDate; capacity: number };
  horizonEnd: IsoDate;
  milestones: TimelineDrawing['milestones'];
}

/** A roadmap view drawn by service area, the way leadership sees it and exports carry it. */
export function drawingByArea<T extends TimelineItem>(
  view: DrawableView<T>,
  at: { pxPerMonth: number; today: IsoDate; warnings: Record<string, WarningNote> }
): TimelineDrawing<T> {
  return {
    items: view.items,
    dependencies: view.dependencies,
    lanes: view.lanes,
    grouping: 'area',
    from: view.window.from,
    to: view.window.to,
    pxPerMonth: at.pxPerMonth,
    today: at.today,
    vestingDate: view.settings.vestingDate,
    horizonEnd: view.horizonEnd,
    milestones: view.milestones,
    capacity: view.settings.capacity,
    warnings: at.warnings
  };
}
