import type { TimelineItem } from '#lib/charts/timeline-layout.ts';

/** A planned redesign on the timeline from `start` to `end` in a service area's lane. */
export function timelineItem(
  id: string,
  start: string,
  end: string,
  area: string | null = 'w'
): TimelineItem {
  return {
    id,
    title: id,
    kind: 'redesign',
    status: 'planned',
    serviceAreaId: area,
    councilId: null,
    contractEnds: [],
    startDate: start,
    alphaStart: start,
    betaStart: start,
    liveStart: end,
    endDate: end
  };
}
