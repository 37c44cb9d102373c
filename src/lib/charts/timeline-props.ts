import type { IsoDate } from '$lib/domain/dates';
import type { RoadmapDependency, WarningNote } from '$lib/domain/roadmap';
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
