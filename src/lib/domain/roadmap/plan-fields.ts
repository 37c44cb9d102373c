import type { RoadmapItem, Schedule } from './types';

/**
 * An item's plan: what it is, where it sits and when it runs. What the timeline draws, what
 * an approval freezes, and what a frozen plan is drawn from again.
 */
export type PlanFields = Pick<
  RoadmapItem,
  'title' | 'kind' | 'status' | 'serviceAreaId' | 'councilId'
> &
  Schedule;

/** Just the plan's fields of an item (a row carries more: ids, versions, notes, stamps). */
export function planFieldsOf(item: PlanFields): PlanFields {
  return {
    title: item.title,
    kind: item.kind,
    status: item.status,
    serviceAreaId: item.serviceAreaId,
    councilId: item.councilId,
    startDate: item.startDate,
    alphaStart: item.alphaStart,
    betaStart: item.betaStart,
    liveStart: item.liveStart,
    endDate: item.endDate
  };
}
