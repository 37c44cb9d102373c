import { dependencyCycles } from '../roadmap';
import { planCost } from './cost';
import { priorityWeight } from './inputs';
import { placeInOrder, prepare, type Prepared, type SerialResult } from './serial';
import type { PlannerArea, PlannerInput, Proposal, UnplacedArea } from './types';

/** Rounds of moves tried on the best order; each round is at most n × SWAP_REACH placements. */
const IMPROVEMENT_ROUNDS = 3;
/** How far ahead in the order an area may be moved forward from, per try. */
const SWAP_REACH = 8;

const byName = (a: PlannerArea, b: PlannerArea) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The areas that can be scheduled, in an order that puts each after those it depends on,
 * taking the smallest by `compare` among those ready at each step. Areas in a dependency
 * circle, or depending on one, are left out and reported.
 */
export function topologicalOrder(
  areas: PlannerArea[],
  compare: (a: PlannerArea, b: PlannerArea) => number
): { order: string[]; cycles: string[][]; blocked: UnplacedArea[] } {
  const known = new Set(areas.map((a) => a.id));
  const deps = areas.flatMap((a) =>
    a.dependsOn.filter((p) => known.has(p)).map((p) => ({ predecessorId: p, successorId: a.id }))
  );
  const cycles = dependencyCycles(areas, deps);
  const inCycle = new Set(cycles.flat());
  const remaining = new Map(areas.filter((a) => !inCycle.has(a.id)).map((a) => [a.id, a]));
  const done = new Set<string>();
  const order: string[] = [];
  for (;;) {
    const ready = [...remaining.values()]
      .filter((a) => a.dependsOn.every((p) => !known.has(p) || done.has(p)))
      .sort(compare);
    if (ready.length === 0) break;
    const next = ready[0]!;
    order.push(next.id);
    done.add(next.id);
    remaining.delete(next.id);
  }
  const blocked: UnplacedArea[] = [
    ...areas
      .filter((a) => inCycle.has(a.id))
      .map((a) => ({ areaId: a.id, reason: 'cycle' as const })),
    ...[...remaining.keys()].map((id) => ({ areaId: id, reason: 'depends-on-unplaced' as const }))
  ];
  return { order, cycles, blocked };
}

function finish(
  input: PlannerInput,
  result: SerialResult,
  cycles: string[][],
  blocked: UnplacedArea[]
): Proposal {
  const schedules = new Map(result.items.map((i) => [i.areaId, i.schedule]));
  const items = [...result.items].sort(
    (a, b) =>
      a.schedule.startDate.localeCompare(b.schedule.startDate) || a.areaId.localeCompare(b.areaId)
  );
  return {
    items,
    unplaced: [...blocked, ...result.unplaced].sort((a, b) => a.areaId.localeCompare(b.areaId)),
    cycles,
    cost: planCost(input, schedules)
  };
}

/** Whether `later` may move in front of `earlier` in a placement order. */
const mayPass = (later: PlannerArea, earlier: PlannerArea) => !later.dependsOn.includes(earlier.id);

/**
 * Improves an order by swapping pairs (keeping dependencies in order) while the plan gets
 * cheaper: a deterministic local search, bounded in rounds.
 */
function improve(p: Prepared, start: string[], first: SerialResult, asap: Set<string>) {
  let order = start;
  let best = first;
  for (let round = 0; round < IMPROVEMENT_ROUNDS; round++) {
    let improved = false;
    for (let i = 0; i < order.length - 1; i++) {
      for (let j = i + 1; j < Math.min(order.length, i + 1 + SWAP_REACH); j++) {
        const moving = p.areas.get(order[j]!)!.area;
        if (!order.slice(i, j).every((id) => mayPass(moving, p.areas.get(id)!.area))) break;
        const candidate = [
          ...order.slice(0, i),
          order[j]!,
          ...order.slice(i, j),
          ...order.slice(j + 1)
        ];
        const result = placeInOrder(p, candidate, asap);
        if (result.objective < best.objective) {
          [order, best, improved] = [candidate, result, true];
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

/**
 * The proposed roadmap: a serial schedule (each area at its cheapest start that fits capacity
 * and dependencies) from a few priority- and window-led orders, the cheapest improved by
 * moving areas earlier in the order while that lowers the cost. Pure and deterministic.
 */
export function proposeRoadmap(input: PlannerInput): Proposal {
  const p = prepare(input);
  const shortFirst = (a: PlannerArea) => p.areas.get(a.id)!.length / priorityWeight(a.priority);
  const target = (a: PlannerArea) => {
    const x = p.areas.get(a.id)!;
    return x.target - x.toGoLive;
  };
  const orders = [
    (a: PlannerArea, b: PlannerArea) =>
      target(a) - target(b) || a.priority - b.priority || byName(a, b),
    (a: PlannerArea, b: PlannerArea) =>
      a.priority - b.priority || target(a) - target(b) || byName(a, b),
    // Short, weighty redesigns first: reaches the most areas when capacity is short.
    (a: PlannerArea, b: PlannerArea) => shortFirst(a) - shortFirst(b) || byName(a, b)
  ].map((compare) => topologicalOrder(input.areas, compare));
  const { cycles, blocked } = orders[0]!;
  // Areas others wait for may do better started early than at their own window.
  const waitedFor = new Set(input.areas.flatMap((a) => a.dependsOn));
  const everyone = new Set(input.areas.map((a) => a.id));
  const modes = [new Set<string>(), waitedFor, everyone];
  let best: { order: string[]; asap: Set<string>; result: SerialResult } | null = null;
  for (const { order } of orders) {
    for (const asap of modes) {
      const result = placeInOrder(p, order, asap);
      if (!best || result.objective < best.result.objective) best = { order, asap, result };
    }
  }
  const improved = improve(p, best!.order, best!.result, best!.asap);
  // Never worse than the naive plan: it is one of the candidates.
  const naive = placeInOrder(p, naiveOrder(input).order, true);
  const chosen = naive.objective < improved.objective ? naive : improved;
  return finish(input, chosen, cycles, blocked);
}

const naiveOrder = (input: PlannerInput) =>
  topologicalOrder(input.areas, (a, b) => a.priority - b.priority || byName(a, b));

/**
 * The naive plan to compare with: highest priority first (each after what it depends on),
 * each as early as capacity allows, contracts ignored.
 */
export function naiveSchedule(input: PlannerInput): Proposal {
  const p = prepare(input);
  const { order, cycles, blocked } = naiveOrder(input);
  return finish(input, placeInOrder(p, order, true), cycles, blocked);
}
