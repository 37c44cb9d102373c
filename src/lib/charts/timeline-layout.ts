import { linkHorizontal } from 'd3';
import type { IsoDate } from '$lib/domain/dates';
import {
  phaseSegments,
  type Phase,
  type RoadmapDependency,
  type RoadmapItem,
  type RoadmapStatus
} from '$lib/domain/roadmap';
import { isoToDate, type TimeScale } from './timeline-scale';

/**
 * Where everything on the roadmap timeline goes: lanes, rows within a lane (items that
 * overlap in time stack), bars with their phase segments, dependency arrows and contract end
 * markers. D3 computes; the Svelte components only draw what this returns.
 */
export const LANE_GROUPINGS = ['area', 'council', 'status'] as const;
export type LaneGrouping = (typeof LANE_GROUPINGS)[number];
export const LANE_GROUPING_LABELS: Record<LaneGrouping, string> = {
  area: 'Service area',
  council: 'New council',
  status: 'Status'
};

export const ROW_HEIGHT = 36;
export const BAR_HEIGHT = 24;
const LANE_PADDING = 6;

export interface TimelineItem extends RoadmapItem {
  contractEnds: { contractId: string; reference: string; date: IsoDate }[];
}

export interface Lane {
  key: string;
  label: string;
}

export interface BarLayout {
  item: TimelineItem;
  laneKey: string;
  x: number;
  width: number;
  y: number;
  segments: { phase: Phase; start: IsoDate; end: IsoDate; x: number; width: number }[];
  contractMarkers: { contractId: string; reference: string; date: IsoDate; x: number }[];
}

export interface LaneLayout extends Lane {
  y: number;
  height: number;
}

export interface ArrowLayout {
  key: string;
  path: string;
  predecessorId: string;
  successorId: string;
  /** The box the arrow is drawn in, to tell whether it is on screen. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface TimelineLayout {
  lanes: LaneLayout[];
  bars: BarLayout[];
  arrows: ArrowLayout[];
  height: number;
}

/** Which lane an item belongs in for a grouping. */
export function laneKeyOf(
  item: Pick<RoadmapItem, 'serviceAreaId' | 'councilId' | 'status'>,
  grouping: LaneGrouping
): string {
  if (grouping === 'area') return item.serviceAreaId ?? 'none';
  if (grouping === 'council') return item.councilId ?? 'all';
  return item.status;
}

/** Rows for items in one lane: each goes in the first row where it does not overlap. */
export function packRows<T extends Pick<RoadmapItem, 'startDate' | 'endDate' | 'id'>>(
  items: T[]
): Map<string, number> {
  const rowEnds: IsoDate[] = [];
  const rows = new Map<string, number>();
  const sorted = [...items].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)
  );
  for (const item of sorted) {
    let row = rowEnds.findIndex((end) => end <= item.startDate);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = item.endDate;
    rows.set(item.id, row);
  }
  return rows;
}

export function layoutTimeline(
  items: TimelineItem[],
  dependencies: RoadmapDependency[],
  lanes: Lane[],
  grouping: LaneGrouping,
  scale: TimeScale
): TimelineLayout {
  const x = (iso: IsoDate) => scale(isoToDate(iso));
  const [domainStart, domainEnd] = scale.domain() as [Date, Date];
  const byLane = new Map<string, TimelineItem[]>(lanes.map((l) => [l.key, []]));
  for (const item of items) byLane.get(laneKeyOf(item, grouping))?.push(item);

  const laneLayouts: LaneLayout[] = [];
  const bars: BarLayout[] = [];
  let y = 0;
  for (const lane of lanes) {
    const laneItems = byLane.get(lane.key) ?? [];
    const rows = packRows(laneItems);
    const rowCount = Math.max(1, ...[...rows.values()].map((r) => r + 1));
    const height = rowCount * ROW_HEIGHT + LANE_PADDING * 2;
    laneLayouts.push({ ...lane, y, height });
    for (const item of laneItems) {
      const barY =
        y + LANE_PADDING + rows.get(item.id)! * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      const start = x(item.startDate);
      bars.push({
        item,
        laneKey: lane.key,
        x: start,
        width: Math.max(2, x(item.endDate) - start),
        y: barY,
        segments: phaseSegments(item).map((s) => ({
          ...s,
          x: x(s.start),
          width: Math.max(0, x(s.end) - x(s.start))
        })),
        contractMarkers: item.contractEnds
          .filter((c) => {
            const d = isoToDate(c.date);
            return d >= domainStart && d <= domainEnd;
          })
          .map((c) => ({ ...c, x: x(c.date) }))
      });
    }
    y += height;
  }

  const barOf = new Map(bars.map((b) => [b.item.id, b]));
  const link = linkHorizontal();
  const arrows = dependencies.flatMap((d) => {
    const from = barOf.get(d.predecessorId);
    const to = barOf.get(d.successorId);
    if (!from || !to) return [];
    const path = link({
      source: [from.x + from.width, from.y + BAR_HEIGHT / 2],
      target: [to.x, to.y + BAR_HEIGHT / 2]
    });
    if (!path) return [];
    const ends = [from.x + from.width, to.x];
    const ys = [from.y, to.y];
    return [
      {
        key: `${d.predecessorId}>${d.successorId}`,
        path,
        ...d,
        left: Math.min(...ends),
        right: Math.max(...ends),
        top: Math.min(...ys),
        bottom: Math.max(...ys) + BAR_HEIGHT
      }
    ];
  });

  return { lanes: laneLayouts, bars, arrows, height: y };
}

/** The lane keys an item can be in for a grouping, labelled, in a sensible order. */
export function lanesFor(
  grouping: LaneGrouping,
  items: Pick<RoadmapItem, 'serviceAreaId' | 'councilId' | 'status'>[],
  names: { areas: { id: string; name: string }[]; councils: { id: string; name: string }[] },
  statusLabels: Record<RoadmapStatus, string>
): Lane[] {
  const used = new Set(items.map((i) => laneKeyOf(i, grouping)));
  if (grouping === 'status') {
    return (Object.keys(statusLabels) as RoadmapStatus[])
      .filter((s) => used.has(s))
      .map((s) => ({ key: s, label: statusLabels[s] }));
  }
  const [list, none] =
    grouping === 'area'
      ? [names.areas, { key: 'none', label: 'No service area' }]
      : [names.councils, { key: 'all', label: 'All new councils' }];
  const lanes = list.filter((o) => used.has(o.id)).map((o) => ({ key: o.id, label: o.name }));
  return used.has(none.key) ? [...lanes, none] : lanes;
}

/** The part of the timeline body on screen, in its own coordinates, with a margin round it. */
export interface Viewport {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Room to the right of a bar for its title when it does not fit inside. */
const OUTSIDE_LABEL = 170;

/**
 * Only what is on screen: the lanes, bars and arrows that meet the viewport (plus the bars
 * named in `keep`, such as the focused one or the one being dragged). With no viewport (on the
 * server, when printing) everything is kept.
 */
export function visiblePart(
  layout: TimelineLayout,
  view: Viewport | null,
  keep: (string | null | undefined)[] = []
): Pick<TimelineLayout, 'lanes' | 'bars' | 'arrows'> {
  if (!view) return layout;
  const meets = (left: number, right: number, top: number, bottom: number) =>
    right >= view.left && left <= view.right && bottom >= view.top && top <= view.bottom;
  const kept = new Set(keep.filter((k): k is string => !!k));
  return {
    lanes: layout.lanes.filter((l) => l.y + l.height >= view.top && l.y <= view.bottom),
    bars: layout.bars.filter(
      (b) =>
        kept.has(b.item.id) || meets(b.x, b.x + b.width + OUTSIDE_LABEL, b.y - 6, b.y + BAR_HEIGHT)
    ),
    arrows: layout.arrows.filter((a) => meets(a.left, a.right, a.top, a.bottom))
  };
}

/** The bars in reading order (top to bottom, then left to right): where up and down go next. */
export function readingOrder(bars: BarLayout[]): BarLayout[] {
  return [...bars].sort((a, b) => a.y - b.y || a.x - b.x);
}
