import type { IsoDate } from '#lib/domain/dates.ts';
import type { Schedule } from '#lib/domain/roadmap/index.ts';
import { BAR_HEIGHT } from './timeline-layout';

/**
 * An approved baseline drawn behind the current timeline. The server matches baseline and
 * current items by lineage and sends one ghost per difference worth drawing:
 *  - `moved`   the approved schedule of an item that now runs at other dates (drawn in the
 *              item's own row, so the gap between ghost and bar is the slippage);
 *  - `added`   an item that was not in the baseline (a dashed halo round its bar);
 *  - `dropped` an item that was approved but is no longer in the plan (drawn at the top of
 *              the lane it was in, when that lane is shown).
 */
export interface TimelineGhost {
  key: string;
  kind: 'moved' | 'added' | 'dropped';
  title: string;
  /** The current item, for moved and added. */
  itemId: string | null;
  /** The approved schedule, for moved and dropped. */
  schedule: Schedule | null;
  /** The lane a dropped item was in, for the grouping shown. */
  laneKey: string | null;
}

export interface GhostLayout {
  key: string;
  kind: TimelineGhost['kind'];
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The approved go-live, for a tick on moved and dropped ghosts. */
  liveX: number | null;
}

const HALO = 3;

export function layoutGhosts(
  ghosts: TimelineGhost[],
  bars: { item: { id: string }; x: number; y: number; width: number }[],
  lanes: { key: string; y: number }[],
  x: (iso: IsoDate) => number
): GhostLayout[] {
  const barOf = new Map(bars.map((b) => [b.item.id, b]));
  const laneOf = new Map(lanes.map((l) => [l.key, l]));
  return ghosts.flatMap((g): GhostLayout[] => {
    if (g.kind === 'added') {
      const bar = g.itemId ? barOf.get(g.itemId) : undefined;
      if (!bar) return [];
      return [
        {
          key: g.key,
          kind: g.kind,
          title: g.title,
          x: bar.x - HALO,
          y: bar.y - HALO,
          width: bar.width + HALO * 2,
          height: BAR_HEIGHT + HALO * 2,
          liveX: null
        }
      ];
    }
    if (!g.schedule) return [];
    const y =
      g.kind === 'moved'
        ? g.itemId
          ? barOf.get(g.itemId)?.y
          : undefined
        : g.laneKey
          ? laneOf.has(g.laneKey)
            ? laneOf.get(g.laneKey)!.y + 2
            : undefined
          : undefined;
    if (y === undefined) return [];
    const start = x(g.schedule.startDate);
    return [
      {
        key: g.key,
        kind: g.kind,
        title: g.title,
        x: start,
        y,
        width: Math.max(2, x(g.schedule.endDate) - start),
        height: BAR_HEIGHT,
        liveX: x(g.schedule.liveStart)
      }
    ];
  });
}
