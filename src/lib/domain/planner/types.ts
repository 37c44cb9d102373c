import type { IsoDate } from '../dates';
import type { Phase, RoadmapSettings, RoadmapSize, Schedule } from '../roadmap';

/** Months each GDS phase takes; `live` runs from go-live until the team hands over. */
export type PhaseMonths = Record<Phase, number>;

/**
 * A contract that ties a service area's redesign: the dates it may end on, earliest first.
 * `ends[0]` is its current end; each later one is the end after one more of its remaining
 * extension options (the last is its latest possible end).
 */
export interface BindingContract {
  id: string;
  reference: string;
  title: string;
  ends: IsoDate[];
}

/** One service area to redesign, as the planner sees it. */
export interface PlannerArea {
  id: string;
  name: string;
  /** 1 is the highest. */
  priority: number;
  size: RoadmapSize;
  phases: PhaseMonths;
  /** Areas whose redesign must finish before this one starts (finish-to-start). */
  dependsOn: string[];
  contracts: BindingContract[];
}

export interface PlannerInput {
  settings: RoadmapSettings;
  /** Capacity for quarters starting in a calendar year, where it differs from the default. */
  capacityByYear: Record<number, number>;
  areas: PlannerArea[];
}

/** What decided where an item sits. */
export type BindingConstraint =
  'contract-window' | 'earliest-start' | 'dependency' | 'dependents' | 'capacity';

export interface PlacedItem {
  areaId: string;
  schedule: Schedule;
  binding: BindingConstraint;
  /**
   * The predecessor area (dependency), an area waiting for it (dependents) or the full
   * quarter's start (capacity), if any.
   */
  boundBy: string | null;
  /** The go-live the contracts alone would choose. */
  targetGoLive: IsoDate;
}

export type UnplacedReason = 'cycle' | 'depends-on-unplaced' | 'no-capacity';

export interface UnplacedArea {
  areaId: string;
  reason: UnplacedReason;
}

export interface PlanCost {
  /** Months of extension needed beyond contracts' latest ends until go-live. */
  bridgingMonths: number;
  /** Months a contract runs on after go-live (beyond a month's cut-over), paying twice. */
  doubleRunningMonths: number;
  /** Months each go-live is later than its target, times the area's priority weight. */
  weightedLatenessMonths: number;
  /** Areas with no redesign starting before the horizon. */
  unreachedAreas: number;
  /** The single figure the planner minimises (see README: How the planner works). */
  total: number;
}

export interface Proposal {
  items: PlacedItem[];
  unplaced: UnplacedArea[];
  /** Circles in the dependencies, as area ids (none of them can be scheduled). */
  cycles: string[][];
  cost: PlanCost;
}
