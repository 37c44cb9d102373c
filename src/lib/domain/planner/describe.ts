import type { PlacedItem, PlannerArea, UnplacedReason } from './types';
import { monthLabel, quarterLabel } from '../roadmap';

/** Why an item sits where it does, in a phrase: "capacity is full in Apr–Jun 2030". */
export function bindingText(
  item: PlacedItem,
  areas: Map<string, Pick<PlannerArea, 'name'>>
): string {
  switch (item.binding) {
    case 'contract-window':
      return `go-live aimed at its contracts’ end (${monthLabel(item.targetGoLive)})`;
    case 'earliest-start':
      return 'starts as early as allowed, after the stabilisation window';
    case 'dependency':
      return `waits for ${areas.get(item.boundBy ?? '')?.name ?? 'a redesign it depends on'} to finish`;
    case 'dependents':
      return `starts early: ${areas.get(item.boundBy ?? '')?.name ?? 'another redesign'} waits for it`;
    case 'capacity':
      return item.boundBy
        ? `capacity is full in ${quarterLabel(item.boundBy)}; its best go-live was ${monthLabel(item.targetGoLive)}`
        : `capacity elsewhere in the plan; its best go-live was ${monthLabel(item.targetGoLive)}`;
  }
}

export const UNPLACED_TEXT: Record<UnplacedReason, string> = {
  cycle: 'its dependencies go round in a circle',
  'depends-on-unplaced': 'it depends on a redesign that could not be placed',
  'no-capacity': 'there is no capacity for it before the planning limit'
};
