import { compareIsoDates, formatLongDate } from '../dates';
import { quarterLoads, countsAgainstCapacity } from './capacity';
import { addMonths, durationLabel, monthLabel, monthsBetween, quarterLabel } from './months';
import type { RoadmapItem, RoadmapPlan, RoadmapWarning } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * More redesigns in flight in a quarter than the programme can run at once. Consecutive
 * overloaded quarters make one warning, so a long overload reads as one problem.
 */
export function capacityWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const redesigns = plan.items.filter(countsAgainstCapacity);
  if (redesigns.length === 0) return [];
  const from = redesigns.map((i) => i.startDate).sort()[0]!;
  const to = redesigns
    .map((i) => i.endDate)
    .sort()
    .at(-1)!;
  const { capacity } = plan.settings;
  const loads = quarterLoads(plan.items, from, to);
  const warnings: RoadmapWarning[] = [];
  let run: typeof loads = [];
  const flush = () => {
    if (run.length === 0) return;
    const peak = Math.max(...run.map((q) => q.itemIds.length));
    const ids = [...new Set(run.flatMap((q) => q.itemIds))];
    const when =
      run.length === 1
        ? quarterLabel(run[0]!.start)
        : `${quarterLabel(run[0]!.start)} to ${quarterLabel(run.at(-1)!.start)}`;
    warnings.push({
      id: `capacity:${run[0]!.start}`,
      rule: 'capacity',
      status: 'fail',
      summary: `${plural(peak, 'redesign')} in flight in ${when}; the programme can run ${capacity} at once`,
      itemIds: ids,
      howToFix:
        capacity === 0
          ? 'The programme’s capacity is 0: raise it in the programme settings, or move these redesigns out of the plan.'
          : `Move ${plural(peak - capacity, 'redesign')} later so no more than ${capacity} overlap, or raise the programme’s capacity if the teams exist.`
    });
    run = [];
  };
  for (const quarter of loads) {
    if (quarter.itemIds.length > capacity) run.push(quarter);
    else flush();
  }
  flush();
  return warnings;
}

/** A successor that starts before the item it depends on has finished. */
export function dependencyWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  return plan.dependencies.flatMap((d) => {
    const before = byId.get(d.predecessorId);
    const after = byId.get(d.successorId);
    if (!before || !after || compareIsoDates(after.startDate, before.endDate) >= 0) return [];
    const early = monthsBetween(after.startDate, before.endDate);
    return [
      {
        id: `dependency:${d.predecessorId}:${d.successorId}`,
        rule: 'dependency' as const,
        status: 'fail' as const,
        summary: `${after.title} starts ${early > 0 ? `${durationLabel(early)} ` : ''}before ${before.title}, which it depends on, has finished`,
        itemIds: [after.id, before.id],
        howToFix: `Start ${after.title} in ${monthLabel(before.endDate)} or later, or finish ${before.title} sooner.`
      }
    ];
  });
}

/** A redesign that starts while the new council is still settling after vesting day. */
export function stabilisationWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const { vestingDate, stabilisationMonths } = plan.settings;
  const earliest = addMonths(vestingDate, stabilisationMonths);
  return plan.items
    .filter((i) => i.kind === 'redesign' && compareIsoDates(i.startDate, earliest) < 0)
    .map((i) => ({
      id: `stabilisation:${i.id}`,
      rule: 'stabilisation' as const,
      status: 'warn' as const,
      summary: `${i.title} starts in ${monthLabel(i.startDate)}, inside the ${durationLabel(stabilisationMonths)} after vesting day kept for stabilising`,
      itemIds: [i.id],
      howToFix: `Start it on or after ${formatLongDate(earliest)}, or plan it as a foundation piece if day one depends on it.`
    }));
}

/** Items whose dependencies go round in a circle: none of them can ever start. */
export function cycleWarnings(plan: RoadmapPlan): RoadmapWarning[] {
  const titles = new Map(plan.items.map((i) => [i.id, i.title]));
  return dependencyCycles(plan.items, plan.dependencies).map((cycle) => {
    const names = cycle.map((id) => titles.get(id) ?? 'a deleted item');
    return {
      id: `cycle:${[...cycle].sort().join(':')}`,
      rule: 'cycle' as const,
      status: 'fail' as const,
      summary: `${[...names, names[0]].join(' → ')}: these depend on each other in a circle`,
      itemIds: cycle,
      howToFix: 'Remove one of these dependencies: a circle means none of them can start first.'
    };
  });
}

/**
 * The circles in the dependency graph, each as item ids in dependency order starting from its
 * smallest id (Tarjan's strongly connected components; a self-loop counts too).
 */
export function dependencyCycles(
  items: Pick<RoadmapItem, 'id'>[],
  dependencies: { predecessorId: string; successorId: string }[]
): string[][] {
  const next = new Map<string, string[]>(items.map((i) => [i.id, []]));
  for (const d of dependencies) {
    if (next.has(d.predecessorId) && next.has(d.successorId)) {
      next.get(d.predecessorId)!.push(d.successorId);
    }
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && next.get(v)!.includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const id of [...next.keys()].sort()) if (!index.has(id)) visit(id);
  return components.map((c) => orderCycle(c, next));
}

/** A component's members in the order a walk along its edges meets them, smallest id first. */
function orderCycle(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const order = [start];
  const seen = new Set(order);
  let at = start;
  for (;;) {
    const step = next
      .get(at)!
      .filter((w) => members.has(w) && !seen.has(w))
      .sort()[0];
    if (!step) break;
    order.push(step);
    seen.add(step);
    at = step;
  }
  for (const id of [...component].sort()) if (!seen.has(id)) order.push(id);
  return order;
}
