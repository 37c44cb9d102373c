import { contractWindowWarnings, horizonWarnings, unreachedAreaWarnings } from './rules-coverage';
import {
  capacityWarnings,
  cycleWarnings,
  dependencyWarnings,
  stabilisationWarnings
} from './rules-schedule';
import type { RoadmapPlan, RoadmapWarning } from './types';

export * from './types';
export * from './months';
export * from './schedule';
export * from './plan-fields';
export * from './capacity';
export { horizonEnd, addYears } from './horizon';
export { dependencyCycles } from './rules-schedule';
export { PAYING_TWICE_MONTHS, BRIDGING_TOLERANCE_MONTHS } from './rules-coverage';

/**
 * Every rule over a plan: pure, so the page, the planner and the tests all see the same answer.
 * Failures first, then warnings, each group in rule order.
 */
export function evaluateRoadmap(plan: RoadmapPlan): RoadmapWarning[] {
  const all = [
    ...cycleWarnings(plan),
    ...dependencyWarnings(plan),
    ...capacityWarnings(plan),
    ...contractWindowWarnings(plan),
    ...stabilisationWarnings(plan),
    ...unreachedAreaWarnings(plan),
    ...horizonWarnings(plan)
  ];
  return [...all.filter((w) => w.status === 'fail'), ...all.filter((w) => w.status === 'warn')];
}

/** Warnings by the item they concern, for drawing on the bars. */
export function warningsByItem(warnings: RoadmapWarning[]): Map<string, RoadmapWarning[]> {
  const map = new Map<string, RoadmapWarning[]>();
  for (const w of warnings) {
    for (const id of w.itemIds) {
      const list = map.get(id);
      if (list) list.push(w);
      else map.set(id, [w]);
    }
  }
  return map;
}
export * from './compare';
export * from './labels';
export * from './warning-notes';
