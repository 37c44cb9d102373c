import { addDays, compareIsoDates, type IsoDate } from '../dates';
import { currentEnd, maximumEnd, remainingOptions, type ContractTerms } from '../contracts';
import {
  addMonths,
  firstOfMonthIndex,
  monthIndex,
  startOfMonth,
  type RoadmapSettings,
  type RoadmapSize,
  type Schedule
} from '../roadmap';
import type { BindingContract, PhaseMonths, PlannerInput } from './types';

/** What a size means in months per phase, when nobody has estimated the phases. */
export const SIZE_PHASES: Record<RoadmapSize, PhaseMonths> = {
  s: { discovery: 2, alpha: 2, beta: 4, live: 3 },
  m: { discovery: 3, alpha: 3, beta: 6, live: 3 },
  l: { discovery: 3, alpha: 4, beta: 9, live: 6 },
  xl: { discovery: 4, alpha: 6, beta: 12, live: 6 }
};

/** Priority 1 weighs 5, 5 (or lower) weighs 1: lateness of a top priority costs five times more. */
export function priorityWeight(priority: number): number {
  return Math.max(1, Math.min(5, 6 - priority));
}

/** Redesigns may start once the stabilisation window after vesting day has passed. */
export function earliestStart(settings: RoadmapSettings): IsoDate {
  return startOfMonth(addMonths(settings.vestingDate, settings.stabilisationMonths));
}

/** Capacity of the quarter starting on the date: the year's own figure, else the programme's. */
export function capacityFor(input: Pick<PlannerInput, 'settings' | 'capacityByYear'>) {
  return (quarterStart: IsoDate): number =>
    input.capacityByYear[Number(quarterStart.slice(0, 4))] ?? input.settings.capacity;
}

export function totalMonths(phases: PhaseMonths): number {
  return phases.discovery + phases.alpha + phases.beta + phases.live;
}

/** Months from the start of discovery to go-live. */
export function monthsToGoLive(phases: PhaseMonths): number {
  return phases.discovery + phases.alpha + phases.beta;
}

/** The schedule of a redesign starting in the month with this index. */
export function scheduleFrom(start: number, phases: PhaseMonths): Schedule {
  const alpha = start + phases.discovery;
  const beta = alpha + phases.alpha;
  const live = beta + phases.beta;
  return {
    startDate: firstOfMonthIndex(start),
    alphaStart: firstOfMonthIndex(alpha),
    betaStart: firstOfMonthIndex(beta),
    liveStart: firstOfMonthIndex(live),
    endDate: firstOfMonthIndex(live + phases.live)
  };
}

/**
 * The dates a contract may end on, from the inventory: its current end, then one more
 * remaining extension option at a time. A published maximum end later than the options reach
 * is the council's own statement (see `maximumEnd`) and becomes the last. Null without an end.
 */
export function contractEnds(terms: ContractTerms): IsoDate[] | null {
  const end = currentEnd(terms);
  if (!end) return null;
  const ends = [end];
  let months = 0;
  for (const option of remainingOptions(terms)) {
    months += option.lengthMonths;
    ends.push(addMonths(end, months));
  }
  const latest = maximumEnd(terms);
  if (latest && compareIsoDates(latest, ends.at(-1)!) > 0) ends.push(latest);
  return ends;
}

/** A contract of the inventory as the planner needs it, or null when it has no end. */
export function bindingContract(
  contract: ContractTerms & { id: string; reference: string; title: string }
): BindingContract | null {
  const ends = contractEnds(contract);
  return ends && { id: contract.id, reference: contract.reference, title: contract.title, ends };
}

/**
 * The month index from which the contract no longer covers the service: the month after its
 * last day. A contract ending on 31 March covers go-live on 1 April without a gap.
 */
export function coveredUntil(end: IsoDate): number {
  return monthIndex(addDays(end, 1)) + (addDays(end, 1).endsWith('-01') ? 0 : 1);
}
