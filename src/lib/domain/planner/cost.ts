import { monthIndex, horizonEnd, type Schedule } from '../roadmap';
import { coveredUntil, earliestStart, monthsToGoLive, priorityWeight } from './inputs';
import type { BindingContract, PlanCost, PlannerArea, PlannerInput } from './types';

/** A month of overlap at go-live is the cut-over, planned on purpose: not paying twice. */
export const CUTOVER_MONTHS = 1;
/** What leaving a service area unreached within the horizon weighs against months of cost. */
export const UNREACHED_PENALTY = 120;

export interface ContractCost {
  bridging: number;
  doubleRunning: number;
}

/**
 * What one contract costs if the redesign goes live in the month `goLive` (a month index):
 * the council runs the contract to the first end that reaches go-live (exercising options as
 * needed), paying twice for any months beyond the cut-over; past its latest end, it needs a
 * bridging extension for the gap.
 */
export function contractCost(contract: BindingContract, goLive: number): ContractCost {
  const covered = coverage(contract);
  for (const until of covered) {
    if (until >= goLive) {
      return { bridging: 0, doubleRunning: Math.max(0, until - goLive - CUTOVER_MONTHS) };
    }
  }
  return { bridging: goLive - covered.at(-1)!, doubleRunning: 0 };
}

// Date parsing dominates otherwise: the planner asks about the same contracts many times.
const coverageCache = new WeakMap<BindingContract, number[]>();
function coverage(contract: BindingContract): number[] {
  let covered = coverageCache.get(contract);
  if (!covered) coverageCache.set(contract, (covered = contract.ends.map(coveredUntil)));
  return covered;
}

/** The contract cost of an area's go-live in the month `goLive`, summed over its contracts. */
export function areaContractCost(area: PlannerArea, goLive: number): number {
  let total = 0;
  for (const c of area.contracts) {
    const cost = contractCost(c, goLive);
    total += cost.bridging + cost.doubleRunning;
  }
  return total;
}

/**
 * The go-live the contracts alone would choose (a month index): the cheapest from the earliest
 * possible go-live to the last month a contract still covers, the earliest of equals. With no
 * contracts, as early as possible.
 */
export function targetGoLive(area: PlannerArea, earliestGoLive: number): number {
  if (area.contracts.length === 0) return earliestGoLive;
  const last = Math.max(...area.contracts.flatMap(coverage));
  let best = earliestGoLive;
  let bestCost = areaContractCost(area, best);
  for (let g = earliestGoLive + 1; g <= last; g++) {
    const cost = areaContractCost(area, g);
    if (cost < bestCost) {
      best = g;
      bestCost = cost;
    }
  }
  return best;
}

/** Month indices every area's cost is measured against. */
export function areaTargets(input: PlannerInput): Map<string, number> {
  const earliest = monthIndex(earliestStart(input.settings));
  return new Map(
    input.areas.map((a) => [a.id, targetGoLive(a, earliest + monthsToGoLive(a.phases))])
  );
}

export function totalCost(parts: Omit<PlanCost, 'total'>): PlanCost {
  return {
    ...parts,
    total:
      parts.bridgingMonths +
      parts.doubleRunningMonths +
      parts.weightedLatenessMonths +
      UNREACHED_PENALTY * parts.unreachedAreas
  };
}

/**
 * The cost of any plan for these areas (the proposal, the naive one, or the current scenario):
 * each area's redesign by its schedule; an area without one is unreached.
 */
export function planCost(input: PlannerInput, schedules: Map<string, Schedule>): PlanCost {
  const targets = areaTargets(input);
  const horizon = monthIndex(horizonEnd(input.settings));
  const parts = {
    bridgingMonths: 0,
    doubleRunningMonths: 0,
    weightedLatenessMonths: 0,
    unreachedAreas: 0
  };
  for (const area of input.areas) {
    const schedule = schedules.get(area.id);
    if (!schedule) {
      parts.unreachedAreas += 1;
      continue;
    }
    const goLive = monthIndex(schedule.liveStart);
    for (const c of area.contracts) {
      const cost = contractCost(c, goLive);
      parts.bridgingMonths += cost.bridging;
      parts.doubleRunningMonths += cost.doubleRunning;
    }
    const late = Math.max(0, goLive - targets.get(area.id)!);
    parts.weightedLatenessMonths += late * priorityWeight(area.priority);
    if (monthIndex(schedule.startDate) >= horizon) parts.unreachedAreas += 1;
  }
  return totalCost(parts);
}
