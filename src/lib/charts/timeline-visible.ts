import type { RoadmapDependency } from '#lib/domain/roadmap/index.ts';
import {
  BAR_HEIGHT,
  LANE_PADDING,
  movedRow,
  placeArrow,
  placeBar,
  ROW_HEIGHT,
  type ArrowLayout,
  type BarLayout,
  type BarRow,
  type LaneLayout,
  type RowLayout,
  type TimelineItem
} from './timeline-layout';
import type { TimeScale } from './timeline-scale';

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
 * Places bars and arrows on one time scale, remembering each: a bar whose row is unchanged
 * keeps the very same layout object, so a drag or a scroll redraws only what moved or came
 * into view. Make a new one when the scale changes.
 */
export class TimelinePlacer {
  #bars = new WeakMap<BarRow, BarLayout>();
  #arrows = new WeakMap<
    RoadmapDependency,
    { from: BarRow; to: BarRow; arrow: ArrowLayout | null }
  >();

  constructor(readonly scale: TimeScale) {}

  bar(row: BarRow): BarLayout {
    let placed = this.#bars.get(row);
    if (!placed) {
      placed = placeBar(row, this.scale);
      this.#bars.set(row, placed);
    }
    return placed;
  }

  arrow(dependency: RoadmapDependency, from: BarRow, to: BarRow): ArrowLayout | null {
    const known = this.#arrows.get(dependency);
    if (known && known.from === from && known.to === to) return known.arrow;
    const arrow = placeArrow(dependency, from, to, this.scale);
    this.#arrows.set(dependency, { from, to, arrow });
    return arrow;
  }
}

export interface DrawnPart {
  lanes: LaneLayout[];
  bars: BarLayout[];
  arrows: ArrowLayout[];
}

/**
 * What to draw: the lanes, bars and arrows that meet the viewport (plus the bars named in
 * `keep`, such as the focused one). With no viewport (printing) everything is drawn. Only
 * what is drawn is placed on the scale.
 */
export function drawnPart(
  rows: RowLayout,
  placer: TimelinePlacer,
  view: Viewport | null,
  keep: (string | null | undefined)[] = []
): DrawnPart {
  const { scale } = placer;
  // The viewport's edges as times, so bars are tested without placing them.
  const toTime = (px: number) => (Number.isFinite(px) ? scale.invert(px).getTime() : px);
  const t = view
    ? {
        left: toTime(view.left - OUTSIDE_LABEL),
        right: toTime(view.right),
        arrowLeft: toTime(view.left)
      }
    : null;
  const kept = new Set(keep.filter((k): k is string => !!k));
  const inRows = (top: number, bottom: number) =>
    !view || (bottom >= view.top && top <= view.bottom);

  const lanes = rows.lanes.filter((l) => !view || (l.y + l.height > view.top && l.y < view.bottom));
  const bars: BarLayout[] = [];
  // A bar lies inside its lane: only the lanes on screen are looked through.
  for (const lane of lanes) {
    for (const row of rows.barsByLane.get(lane.key) ?? []) {
      const shown =
        inRows(row.y - 6, row.y + BAR_HEIGHT) && (!t || (row.t1 >= t.left && row.t0 <= t.right));
      if (shown) {
        bars.push(placer.bar(row));
        kept.delete(row.item.id);
      }
    }
  }
  // Kept bars off screen (focused, or being moved) are drawn too.
  for (const id of kept) {
    const row = rows.barOf.get(id);
    if (row) bars.push(placer.bar(row));
  }
  const arrows: ArrowLayout[] = [];
  for (const d of rows.dependencies) {
    const from = rows.barOf.get(d.predecessorId);
    const to = rows.barOf.get(d.successorId);
    if (!from || !to) continue;
    const left = Math.min(from.t1, to.t0);
    const right = Math.max(from.t1, to.t0);
    if (!inRows(Math.min(from.y, to.y), Math.max(from.y, to.y) + BAR_HEIGHT)) continue;
    if (t && (right < t.arrowLeft || left > t.right)) continue;
    const arrow = placer.arrow(d, from, to);
    if (arrow) arrows.push(arrow);
  }
  return { lanes, bars, arrows };
}

/** A bar at other dates (being moved) in its own row, and the arrows that follow it. */
export function movedLayer(
  rows: RowLayout,
  placer: TimelinePlacer,
  moved: TimelineItem
): { bar: BarLayout; arrows: ArrowLayout[] } | null {
  const stored = rows.barOf.get(moved.id);
  if (!stored) return null;
  const row = movedRow(stored, moved);
  const rowOf = (id: string) => (id === moved.id ? row : rows.barOf.get(id));
  const arrows = (rows.dependenciesOf.get(moved.id) ?? []).flatMap((d) => {
    const from = rowOf(d.predecessorId);
    const to = rowOf(d.successorId);
    const arrow = from && to ? placer.arrow(d, from, to) : null;
    return arrow ? [arrow] : [];
  });
  return { bar: placer.bar(row), arrows };
}

/** The drawn part without a bar's arrows: they are drawn with it on the drag layer. */
export function withoutArrowsOf(part: DrawnPart, id: string): DrawnPart {
  return {
    ...part,
    arrows: part.arrows.filter((a) => a.predecessorId !== id && a.successorId !== id)
  };
}

/**
 * The drawn part with one bar at other dates (moved by keyboard, or waiting to be saved), in
 * its own row, and its arrows following it. Everything else is the very same objects, so only
 * that bar and its arrows are drawn again.
 */
export function withMoved(
  part: DrawnPart,
  rows: RowLayout,
  placer: TimelinePlacer,
  moved: TimelineItem
): DrawnPart {
  const layer = movedLayer(rows, placer, moved);
  if (!layer) return part;
  const at = part.bars.findIndex((b) => b.item.id === moved.id);
  const bars = at === -1 ? [...part.bars, layer.bar] : part.bars.with(at, layer.bar);
  return {
    lanes: part.lanes,
    bars,
    arrows: withoutArrowsOf(part, moved.id).arrows.concat(layer.arrows)
  };
}

/** The bars in reading order (top to bottom, then left to right): where up and down go next. */
export function readingOrder(bars: BarRow[]): BarRow[] {
  return [...bars].sort((a, b) => a.y - b.y || a.t0 - b.t0);
}

/** One page of the timeline without JavaScript: a band of rows, and the lanes it shows. */
export interface TimelinePage {
  top: number;
  bottom: number;
  lanes: string[];
}

/**
 * The timeline cut into pages at most `maxHeight` tall for drawing without JavaScript (the
 * server sends one page, so a 5,000-item roadmap's page stays small): each page ends where a
 * lane ends if that leaves it at least half full, or else where a row begins.
 */
export function timelinePages(rows: Pick<RowLayout, 'lanes'>, maxHeight: number): TimelinePage[] {
  const last = rows.lanes.at(-1);
  if (!last) return [{ top: 0, bottom: 0, lanes: [] }];
  const end = last.y + last.height;
  const laneCuts = rows.lanes.map((l) => l.y + l.height);
  const rowCuts = rows.lanes.flatMap((lane) => {
    const cuts: number[] = [];
    const first = lane.y + LANE_PADDING;
    for (let y = first + ROW_HEIGHT; y < lane.y + lane.height - LANE_PADDING; y += ROW_HEIGHT) {
      cuts.push(y);
    }
    return cuts;
  });
  const furthest = (cuts: number[], above: number, upTo: number) =>
    cuts.reduce<number | null>(
      (best, c) => (c > above && c <= upTo && (best === null || c > best) ? c : best),
      null
    );
  const pages: TimelinePage[] = [];
  for (let top = 0; top < end;) {
    const limit = top + maxHeight;
    const lane = furthest(laneCuts, top, limit);
    const bottom =
      limit >= end
        ? end
        : lane !== null && lane - top >= maxHeight / 2
          ? lane
          : (furthest(rowCuts, top, limit) ?? lane ?? Math.min(...laneCuts.filter((c) => c > top)));
    pages.push({
      top,
      bottom,
      lanes: rows.lanes.filter((l) => l.y < bottom && l.y + l.height > top).map((l) => l.label)
    });
    top = bottom;
  }
  return pages;
}

/** A page as the viewport to draw it: its band of rows, every month across. */
export function pageView(page: TimelinePage): Viewport {
  return { top: page.top, bottom: page.bottom - 1, left: -Infinity, right: Infinity };
}
