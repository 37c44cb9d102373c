import { linkHorizontal } from 'd3';
import type { IsoDate } from '#lib/domain/dates.ts';
import {
  phaseSegments,
  type Phase,
  type RoadmapDependency,
  type RoadmapItem,
  type RoadmapStatus
} from '#lib/domain/roadmap/index.ts';
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

/** The grouping a query string asks for, or by service area. */
export function parseLaneGrouping(value: string | null): LaneGrouping {
  return (LANE_GROUPINGS as readonly string[]).includes(value ?? '')
    ? (value as LaneGrouping)
    : 'area';
}

export const ROW_HEIGHT = 36;
export const BAR_HEIGHT = 24;
export const LANE_PADDING = 6;

export interface TimelineItem extends Omit<RoadmapItem, 'contractIds'> {
  contractEnds: { reference: string; date: IsoDate }[];
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
  contractMarkers: { reference: string; date: IsoDate; x: number }[];
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

/**
 * A bar's place before any time scale: its lane, its row's y and its span in time (epoch
 * milliseconds). Rows do not depend on the zoom, so zooming re-places only the bars on screen
 * and dragging one bar leaves every other bar's layout (and its drawing) untouched.
 */
export interface BarRow {
  item: TimelineItem;
  laneKey: string;
  y: number;
  t0: number;
  t1: number;
}

export interface RowLayout {
  lanes: LaneLayout[];
  /** Lane by lane, in each lane by start. */
  bars: BarRow[];
  barOf: Map<string, BarRow>;
  /** Each lane's bars: what is on screen is looked for only in the lanes on screen. */
  barsByLane: Map<string, BarRow[]>;
  dependencies: RoadmapDependency[];
  /** The dependencies each item is in, either side: the arrows that follow a dragged bar. */
  dependenciesOf: Map<string, RoadmapDependency[]>;
  height: number;
}

const time = (iso: IsoDate) => isoToDate(iso).getTime();

/** The same bar at other dates (being dragged), in its own row. */
export function movedRow(row: BarRow, item: TimelineItem): BarRow {
  return { ...row, item, t0: time(item.startDate), t1: time(item.endDate) };
}

/** The dependencies each item is in, as predecessor or successor. */
export function dependenciesByItem(
  dependencies: RoadmapDependency[]
): Map<string, RoadmapDependency[]> {
  const byItem = new Map<string, RoadmapDependency[]>();
  for (const d of dependencies) {
    for (const id of [d.predecessorId, d.successorId]) {
      const list = byItem.get(id);
      if (list) list.push(d);
      else byItem.set(id, [d]);
    }
  }
  return byItem;
}

export function layoutRows(
  items: TimelineItem[],
  dependencies: RoadmapDependency[],
  lanes: Lane[],
  grouping: LaneGrouping
): RowLayout {
  const byLane = new Map<string, TimelineItem[]>(lanes.map((l) => [l.key, []]));
  for (const item of items) byLane.get(laneKeyOf(item, grouping))?.push(item);

  const laneLayouts: LaneLayout[] = [];
  const bars: BarRow[] = [];
  const barsByLane = new Map<string, BarRow[]>();
  let y = 0;
  for (const lane of lanes) {
    const laneItems = byLane.get(lane.key) ?? [];
    const laneBars: BarRow[] = [];
    barsByLane.set(lane.key, laneBars);
    const rows = packRows(laneItems);
    let rowCount = 1;
    for (const r of rows.values()) rowCount = Math.max(rowCount, r + 1);
    const height = rowCount * ROW_HEIGHT + LANE_PADDING * 2;
    laneLayouts.push({ ...lane, y, height });
    for (const item of laneItems) {
      laneBars.push({
        item,
        laneKey: lane.key,
        y: y + LANE_PADDING + rows.get(item.id)! * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2,
        t0: time(item.startDate),
        t1: time(item.endDate)
      });
    }
    bars.push(...laneBars);
    y += height;
  }
  return {
    lanes: laneLayouts,
    bars,
    barOf: new Map(bars.map((b) => [b.item.id, b])),
    barsByLane,
    dependencies,
    dependenciesOf: dependenciesByItem(dependencies),
    height: y
  };
}

/** The lane a bar dragged `dy` pixels down lands in, or null if it stays in its own (or has none). */
export function laneDraggedTo(
  rows: Pick<RowLayout, 'barOf' | 'lanes'>,
  id: string,
  dy: number
): string | null {
  const bar = rows.barOf.get(id);
  if (!bar) return null;
  const y = bar.y + BAR_HEIGHT / 2 + dy;
  const lane = rows.lanes.find((l) => y >= l.y && y < l.y + l.height);
  return lane && lane.key !== bar.laneKey ? lane.key : null;
}

/** The lane `step` lanes below (or above) an item's, or null at either end. */
export function laneStepped(
  lanes: Lane[],
  item: Pick<RoadmapItem, 'serviceAreaId' | 'councilId' | 'status'>,
  grouping: LaneGrouping,
  step: 1 | -1
): string | null {
  const at = lanes.findIndex((l) => l.key === laneKeyOf(item, grouping));
  return at === -1 ? null : (lanes[at + step]?.key ?? null);
}

/** A bar on the time scale: where it starts and ends, its phases and its contract ends. */
export function placeBar(row: BarRow, scale: TimeScale): BarLayout {
  const x = (iso: IsoDate) => scale(isoToDate(iso));
  const [domainStart, domainEnd] = scale.domain() as [Date, Date];
  const { item } = row;
  const start = scale(row.t0);
  return {
    item,
    laneKey: row.laneKey,
    x: start,
    width: Math.max(2, scale(row.t1) - start),
    y: row.y,
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
  };
}

const link = linkHorizontal();

/** A dependency's arrow, from the end of its predecessor's bar to the start of its successor's. */
export function placeArrow(
  dependency: RoadmapDependency,
  from: BarRow,
  to: BarRow,
  scale: TimeScale
): ArrowLayout | null {
  const fromEnd = Math.max(scale(from.t1), scale(from.t0) + 2);
  const toStart = scale(to.t0);
  const path = link({
    source: [fromEnd, from.y + BAR_HEIGHT / 2],
    target: [toStart, to.y + BAR_HEIGHT / 2]
  });
  if (!path) return null;
  return {
    key: `${dependency.predecessorId}>${dependency.successorId}`,
    path,
    predecessorId: dependency.predecessorId,
    successorId: dependency.successorId,
    left: Math.min(fromEnd, toStart),
    right: Math.max(fromEnd, toStart),
    top: Math.min(from.y, to.y),
    bottom: Math.max(from.y, to.y) + BAR_HEIGHT
  };
}

/** Everything placed: for printing, exports and the server's drawing of the whole plan. */
export function layoutTimeline(
  items: TimelineItem[],
  dependencies: RoadmapDependency[],
  lanes: Lane[],
  grouping: LaneGrouping,
  scale: TimeScale
): TimelineLayout {
  const rows = layoutRows(items, dependencies, lanes, grouping);
  const arrows = dependencies.flatMap((d) => {
    const from = rows.barOf.get(d.predecessorId);
    const to = rows.barOf.get(d.successorId);
    const arrow = from && to ? placeArrow(d, from, to, scale) : null;
    return arrow ? [arrow] : [];
  });
  return {
    lanes: rows.lanes,
    bars: rows.bars.map((b) => placeBar(b, scale)),
    arrows,
    height: rows.height
  };
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
