/** The planner's server side: its inputs from the inventory, the page's view, accepting. */
export { plannerDefaults } from './inputs';
export type { PlannerDefaults } from './inputs';
export { capacityYears, readPlannerForm } from './form';
export { currentSchedules, inputFingerprint, proposalView } from './view';
export type { ProposalView } from './view';
export { acceptProposal } from './accept';
