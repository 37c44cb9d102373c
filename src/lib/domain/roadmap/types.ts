import type { ContractTerms } from '../contracts';
import type { IsoDate } from '../dates';

export const ROADMAP_ITEM_KINDS = ['redesign', 'foundation'] as const;
export const ROADMAP_STATUSES = ['proposed', 'planned', 'in_progress', 'paused', 'done'] as const;
export const ROADMAP_SIZES = ['s', 'm', 'l', 'xl'] as const;
export const PHASES = ['discovery', 'alpha', 'beta', 'live'] as const;

export type RoadmapItemKind = (typeof ROADMAP_ITEM_KINDS)[number];
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export type RoadmapSize = (typeof ROADMAP_SIZES)[number];
export type Phase = (typeof PHASES)[number];

export const KIND_LABELS: Record<RoadmapItemKind, string> = {
  redesign: 'Service redesign',
  foundation: 'Foundation'
};
export const STATUS_LABELS: Record<RoadmapStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  paused: 'Paused',
  done: 'Done'
};
export const SIZE_LABELS: Record<RoadmapSize, string> = {
  s: 'Small',
  m: 'Medium',
  l: 'Large',
  xl: 'Extra large'
};
export const PHASE_LABELS: Record<Phase, string> = {
  discovery: 'Discovery',
  alpha: 'Alpha',
  beta: 'Beta',
  live: 'Live'
};

/**
 * When an item runs: discovery from `startDate`, alpha from `alphaStart`, beta from
 * `betaStart`, live from `liveStart` (go-live) until `endDate`, which is exclusive: the first
 * day the item is no longer in flight. A phase whose start equals the next one's is skipped.
 */
export interface Schedule {
  startDate: IsoDate;
  alphaStart: IsoDate;
  betaStart: IsoDate;
  liveStart: IsoDate;
  endDate: IsoDate;
}

export const SCHEDULE_FIELDS = [
  'startDate',
  'alphaStart',
  'betaStart',
  'liveStart',
  'endDate'
] as const satisfies readonly (keyof Schedule)[];
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

export interface RoadmapItem extends Schedule {
  id: string;
  title: string;
  kind: RoadmapItemKind;
  status: RoadmapStatus;
  serviceAreaId: string | null;
  councilId: string | null;
  contractIds: string[];
}

export interface RoadmapDependency {
  predecessorId: string;
  successorId: string;
}

export interface RoadmapSettings {
  vestingDate: IsoDate;
  horizonYears: number;
  /** Most redesigns in flight at once. */
  capacity: number;
  /** Months after vesting day before redesigns may start. */
  stabilisationMonths: number;
}

export interface RoadmapServiceArea {
  id: string;
  name: string;
  category: 'service' | 'foundation';
}

export interface RoadmapContract extends ContractTerms {
  id: string;
  reference: string;
  title: string;
}

/** Everything the rules look at: a pure snapshot, loaded by the server in a few queries. */
export interface RoadmapPlan {
  settings: RoadmapSettings;
  items: RoadmapItem[];
  dependencies: RoadmapDependency[];
  serviceAreas: RoadmapServiceArea[];
  contracts: RoadmapContract[];
}

export type RoadmapRule =
  | 'capacity'
  | 'dependency'
  | 'stabilisation'
  | 'unreached-area'
  | 'horizon'
  | 'paying-twice'
  | 'bridging'
  | 'cycle';

/**
 * One problem with the plan, in the spirit of the day-one check results: a stable id, a
 * status, one line saying what is wrong, the items it concerns (shown on their bars), and
 * what to do about it.
 */
export interface RoadmapWarning {
  id: string;
  rule: RoadmapRule;
  status: 'warn' | 'fail';
  summary: string;
  itemIds: string[];
  howToFix: string;
}
