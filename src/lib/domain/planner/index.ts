/** The planner: proposes a roadmap from capacity, dependencies and contract windows. */
export * from './types';
export * from './inputs';
export { contractCost, planCost, areaTargets, CUTOVER_MONTHS, UNREACHED_PENALTY } from './cost';
export { proposeRoadmap, naiveSchedule, topologicalOrder } from './propose';
export { bindingText, UNPLACED_TEXT } from './describe';
