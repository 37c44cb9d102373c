import {
  firstOfMonthIndex,
  horizonEnd,
  monthIndex,
  quarterLoads,
  type RoadmapItem
} from '../roadmap';
import { areaContractCost, areaTargets, UNREACHED_PENALTY } from './cost';
import {
  capacityFor,
  earliestStart,
  monthsToGoLive,
  priorityWeight,
  scheduleFrom,
  totalMonths
} from './inputs';
import type { PlacedItem, PlannerArea, PlannerInput, UnplacedArea } from './types';

/** Each area with what placing it needs, computed once per proposal. */
export interface PreparedArea {
  area: PlannerArea;
  length: number;
  toGoLive: number;
  target: number;
  /** Cost of starting in month `earliest + k`, with k the index; and the cheapest such k. */
  costs: number[];
  best: number;
}

export interface Prepared {
  input: PlannerInput;
  earliest: number;
  /** No start is tried after this month: a horizon's length past the horizon. */
  lastStart: number;
  areas: Map<string, PreparedArea>;
  /** The first quarter index any item can touch; loads and capacities are arrays from it. */
  firstQuarter: number;
  /** Capacity by quarter index − firstQuarter. */
  capacity: number[];
  /** Quarter indices an item touches, by start and length (memoised). */
  touched: (start: number, length: number) => number[];
  /** For each area others depend on, the first of them by name. */
  waitedBy: Map<string, string>;
}

/**
 * The quarters a redesign running from `start` for `length` months is counted in, by the
 * roadmap's own over-capacity rule (`quarterLoads`), so the planner and the rule agree.
 */
function quartersTouched(start: number, length: number): number[] {
  const s = scheduleFrom(start, { discovery: length, alpha: 0, beta: 0, live: 0 });
  const item = { ...s, id: 'x', kind: 'redesign' } as RoadmapItem;
  return quarterLoads([item], s.startDate, s.endDate)
    .filter((q) => q.itemIds.length > 0)
    .map((q) => Math.floor(monthIndex(q.start) / 3));
}

export function prepare(input: PlannerInput): Prepared {
  const earliest = monthIndex(earliestStart(input.settings));
  const horizon = monthIndex(horizonEnd(input.settings));
  const lastStart = horizon + input.settings.horizonYears * 12;
  const targets = areaTargets(input);
  const areas = new Map<string, PreparedArea>();
  for (const area of input.areas) {
    const toGoLive = monthsToGoLive(area.phases);
    const target = targets.get(area.id)!;
    const weight = priorityWeight(area.priority);
    const costs: number[] = [];
    let best = 0;
    for (let s = earliest; s <= lastStart; s++) {
      const g = s + toGoLive;
      const cost =
        areaContractCost(area, g) +
        weight * Math.max(0, g - target) +
        (s >= horizon ? UNREACHED_PENALTY : 0);
      if (cost < costs[best]!) best = costs.length;
      costs.push(cost);
    }
    areas.set(area.id, {
      area,
      length: Math.max(1, totalMonths(area.phases)),
      toGoLive,
      target,
      costs,
      best
    });
  }
  const memo = new Map<number, number[][]>();
  const touched = (start: number, length: number) => {
    let byStart = memo.get(length);
    if (!byStart) memo.set(length, (byStart = []));
    return (byStart[start - earliest] ??= quartersTouched(start, length));
  };
  const firstQuarter = Math.floor(earliest / 3);
  const longest = Math.max(1, ...[...areas.values()].map((a) => a.length));
  const capacityOf = capacityFor(input);
  const capacity: number[] = [];
  for (let q = firstQuarter; q * 3 <= lastStart + longest; q++) {
    capacity.push(capacityOf(firstOfMonthIndex(q * 3)));
  }
  const waitedBy = new Map<string, string>();
  const byName = [...input.areas].sort(
    (x, y) => x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1)
  );
  for (const area of byName) {
    for (const before of area.dependsOn) if (!waitedBy.has(before)) waitedBy.set(before, area.id);
  }
  return { input, earliest, lastStart, areas, firstQuarter, capacity, touched, waitedBy };
}

export interface SerialResult {
  items: PlacedItem[];
  unplaced: UnplacedArea[];
  /** The sum of the placed items' costs plus the unreached penalty for each unplaced one. */
  objective: number;
}

/**
 * Places areas one at a time in the given order (which must put every area after the areas it
 * depends on): each at its cheapest start that fits the capacity left in every quarter it
 * touches and follows its predecessors' ends. Areas in `asap` (or all, when true) ignore cost:
 * the earliest start that fits.
 */
export function placeInOrder(
  p: Prepared,
  order: string[],
  asap: boolean | Set<string> = false
): SerialResult {
  const load = new Array<number>(p.capacity.length).fill(0);
  const at = (q: number) => q - p.firstQuarter;
  const ends = new Map<string, number>();
  const items: PlacedItem[] = [];
  const unplaced: UnplacedArea[] = [];
  const missing = new Set<string>();
  let objective = 0;
  const fits = (start: number, length: number) =>
    p.touched(start, length).every((q) => load[at(q)]! < p.capacity[at(q)]!);
  for (const id of order) {
    const a = p.areas.get(id)!;
    let lower = p.earliest;
    let boundBy: string | null = null;
    if (a.area.dependsOn.some((pred) => missing.has(pred))) {
      unplaced.push({ areaId: id, reason: 'depends-on-unplaced' });
      missing.add(id);
      objective += UNREACHED_PENALTY;
      continue;
    }
    for (const pred of a.area.dependsOn) {
      const end = ends.get(pred);
      if (end === undefined) continue;
      if (end > lower) [lower, boundBy] = [end, pred];
    }
    let chosen = -1;
    const first = asap === true || (asap !== false && asap.has(id));
    for (let s = lower; s <= p.lastStart; s++) {
      const k = s - p.earliest;
      if ((chosen < 0 || a.costs[k]! < a.costs[chosen - p.earliest]!) && fits(s, a.length)) {
        chosen = s;
        if (first) break;
      }
    }
    if (chosen < 0) {
      unplaced.push({ areaId: id, reason: 'no-capacity' });
      missing.add(id);
      objective += UNREACHED_PENALTY;
      continue;
    }
    const wanted = Math.max(p.earliest + a.best, lower);
    const full = p.touched(wanted, a.length).find((q) => load[at(q)]! >= p.capacity[at(q)]!);
    for (const q of p.touched(chosen, a.length)) load[at(q)]! += 1;
    ends.set(id, chosen + a.length);
    objective += a.costs[chosen - p.earliest]!;
    const item: PlacedItem = {
      areaId: id,
      schedule: scheduleFrom(chosen, a.area.phases),
      binding: 'capacity',
      boundBy: null,
      targetGoLive: firstOfMonthIndex(a.target)
    };
    const waiting = p.waitedBy.get(id);
    if (chosen === p.earliest + a.best) {
      item.binding =
        a.best > 0 && a.area.contracts.length > 0 ? 'contract-window' : 'earliest-start';
    } else if (chosen === lower && boundBy) {
      item.binding = 'dependency';
      item.boundBy = boundBy;
    } else if (first && chosen === lower && waiting) {
      // Started early on purpose: what waits for it would otherwise start late.
      item.binding = 'dependents';
      item.boundBy = waiting;
    } else if (first && chosen === lower) {
      item.binding = 'earliest-start';
    } else if (full !== undefined) {
      item.boundBy = firstOfMonthIndex(full * 3);
    } else if (boundBy) {
      item.binding = 'dependency';
      item.boundBy = boundBy;
    }
    items.push(item);
  }
  return { items, unplaced, objective };
}
