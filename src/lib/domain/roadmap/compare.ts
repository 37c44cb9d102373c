import { SCHEDULE_FIELDS, type Schedule, type ScheduleField } from './types';
import { monthsBetween } from './months';

export interface ComparableItem extends Schedule {
  lineageId: string;
  title: string;
}

export interface ScenarioDifference {
  lineageId: string;
  title: string;
  change: 'added' | 'removed' | 'moved' | 'same';
  /** Months each date moved from the first scenario to the second (moved only). */
  shifts: Partial<Record<ScheduleField, number>>;
}

/**
 * Item by item, what the second scenario does differently from the first: matched by lineage,
 * so an item copied into a scenario and moved there reads as moved, not removed and added.
 */
export function compareScenarios(a: ComparableItem[], b: ComparableItem[]): ScenarioDifference[] {
  const inB = new Map(b.map((i) => [i.lineageId, i]));
  const inA = new Set(a.map((i) => i.lineageId));
  const rows: ScenarioDifference[] = a.map((item) => {
    const other = inB.get(item.lineageId);
    if (!other)
      return { lineageId: item.lineageId, title: item.title, change: 'removed', shifts: {} };
    const shifts: Partial<Record<ScheduleField, number>> = {};
    for (const f of SCHEDULE_FIELDS) {
      const months = monthsBetween(item[f], other[f]);
      if (months !== 0 || item[f] !== other[f]) shifts[f] = months;
    }
    return {
      lineageId: item.lineageId,
      title: other.title,
      change: Object.keys(shifts).length > 0 ? 'moved' : 'same',
      shifts
    };
  });
  for (const item of b) {
    if (!inA.has(item.lineageId)) {
      rows.push({ lineageId: item.lineageId, title: item.title, change: 'added', shifts: {} });
    }
  }
  const order = { added: 0, removed: 1, moved: 2, same: 3 };
  return rows.sort((x, y) => order[x.change] - order[y.change] || x.title.localeCompare(y.title));
}
