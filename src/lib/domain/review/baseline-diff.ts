import type { IsoDate } from '../dates';
import { monthsBetween } from '../roadmap/months';
import type { Schedule } from '../roadmap/types';

/**
 * The plan against an approved baseline, item by item. Items are matched by lineage (the id a
 * piece of work keeps across scenario copies), so an item that was copied and then moved reads
 * as moved, not as dropped and added. Slippage is in whole calendar months: the roadmap plans
 * in months, and "three months late" is how a leadership report says it.
 */
export interface PlanItem extends Schedule {
  lineageId: string;
  title: string;
}

/** Finish-to-start, by lineage: `successor` waits for `predecessor`. */
export interface LineageDependency {
  predecessor: string;
  successor: string;
}

export interface PlanSide {
  items: PlanItem[];
  dependencies: LineageDependency[];
}

export const ITEM_CHANGES = [
  'added',
  'dropped',
  'moved',
  'stretched',
  'shrunk',
  'rephased',
  'renamed',
  'dependencies'
] as const;
export type ItemChange = (typeof ITEM_CHANGES)[number];

export interface ItemDifference {
  lineageId: string;
  /** The current title, or the approved one for a dropped item. */
  title: string;
  /** The approved title; null for an added item. */
  baselineTitle: string | null;
  /** Empty when the item is as approved. */
  changes: ItemChange[];
  baseline: Schedule | null;
  current: Schedule | null;
  /** Months later (positive) or earlier (negative) than approved; null unless in both. */
  startSlip: number | null;
  goLiveSlip: number | null;
  endSlip: number | null;
  /** Change in length (start to end) in months; null unless in both. */
  lengthChange: number | null;
  /** Titles of the items it now waits for and no longer waits for. */
  dependenciesAdded: string[];
  dependenciesRemoved: string[];
}

export interface BaselineDiff {
  items: ItemDifference[];
  counts: Record<ItemChange, number>;
  /** The last go-live of the whole plan, approved and now, and the months between. */
  lastGoLive: { baseline: IsoDate | null; current: IsoDate | null; slip: number | null };
  /** Items in both whose go-live is later / earlier than approved. */
  goLivesLater: number;
  goLivesEarlier: number;
  /** The item whose go-live slipped most, if any slipped. */
  worstSlip: { lineageId: string; title: string; months: number } | null;
}

function predecessorsOf(side: PlanSide): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const d of side.dependencies) {
    const set = map.get(d.successor) ?? new Set<string>();
    set.add(d.predecessor);
    map.set(d.successor, set);
  }
  return map;
}

const lengthOf = (s: Schedule) => monthsBetween(s.startDate, s.endDate);
const scheduleOf = (i: PlanItem): Schedule => ({
  startDate: i.startDate,
  alphaStart: i.alphaStart,
  betaStart: i.betaStart,
  liveStart: i.liveStart,
  endDate: i.endDate
});
const lastGoLiveOf = (items: PlanItem[]): IsoDate | null =>
  items.reduce<IsoDate | null>(
    (last, i) => (last && last >= i.liveStart ? last : i.liveStart),
    null
  );

export function diffAgainstBaseline(baseline: PlanSide, current: PlanSide): BaselineDiff {
  const now = new Map(current.items.map((i) => [i.lineageId, i]));
  const then = new Map(baseline.items.map((i) => [i.lineageId, i]));
  const titleOf = (lineage: string) => now.get(lineage)?.title ?? then.get(lineage)?.title ?? '';
  const beforeDeps = predecessorsOf(baseline);
  const afterDeps = predecessorsOf(current);
  const empty = { dependenciesAdded: [], dependenciesRemoved: [] };
  const rows: ItemDifference[] = [];

  for (const old of baseline.items) {
    const item = now.get(old.lineageId);
    if (!item) {
      rows.push({
        lineageId: old.lineageId,
        title: old.title,
        baselineTitle: old.title,
        changes: ['dropped'],
        baseline: scheduleOf(old),
        current: null,
        startSlip: null,
        goLiveSlip: null,
        endSlip: null,
        lengthChange: null,
        ...empty
      });
      continue;
    }
    const changes: ItemChange[] = [];
    const startSlip = monthsBetween(old.startDate, item.startDate);
    const lengthChange = lengthOf(item) - lengthOf(old);
    if (startSlip !== 0) changes.push('moved');
    if (lengthChange > 0) changes.push('stretched');
    if (lengthChange < 0) changes.push('shrunk');
    // Same start and end, but a phase boundary (often the go-live) has moved inside them.
    if (
      changes.length === 0 &&
      (item.alphaStart !== old.alphaStart ||
        item.betaStart !== old.betaStart ||
        item.liveStart !== old.liveStart)
    ) {
      changes.push('rephased');
    }
    if (item.title !== old.title) changes.push('renamed');
    const before = beforeDeps.get(old.lineageId) ?? new Set<string>();
    const after = afterDeps.get(old.lineageId) ?? new Set<string>();
    const added = [...after].filter((p) => !before.has(p)).map(titleOf);
    const removed = [...before].filter((p) => !after.has(p)).map(titleOf);
    if (added.length || removed.length) changes.push('dependencies');
    rows.push({
      lineageId: old.lineageId,
      title: item.title,
      baselineTitle: old.title,
      changes,
      baseline: scheduleOf(old),
      current: scheduleOf(item),
      startSlip,
      goLiveSlip: monthsBetween(old.liveStart, item.liveStart),
      endSlip: monthsBetween(old.endDate, item.endDate),
      lengthChange,
      dependenciesAdded: added.sort(),
      dependenciesRemoved: removed.sort()
    });
  }
  for (const item of current.items) {
    if (then.has(item.lineageId)) continue;
    rows.push({
      lineageId: item.lineageId,
      title: item.title,
      baselineTitle: null,
      changes: ['added'],
      baseline: null,
      current: scheduleOf(item),
      startSlip: null,
      goLiveSlip: null,
      endSlip: null,
      lengthChange: null,
      ...empty
    });
  }

  const counts = Object.fromEntries(ITEM_CHANGES.map((c) => [c, 0])) as Record<ItemChange, number>;
  for (const row of rows) for (const c of row.changes) counts[c] += 1;
  const slips = rows.filter((r) => r.goLiveSlip !== null) as (ItemDifference & {
    goLiveSlip: number;
  })[];
  const worst = slips.reduce<(typeof slips)[number] | null>(
    (w, r) => (r.goLiveSlip > 0 && (!w || r.goLiveSlip > w.goLiveSlip) ? r : w),
    null
  );
  const baseLast = lastGoLiveOf(baseline.items);
  const nowLast = lastGoLiveOf(current.items);
  return {
    items: rows.sort(byImportance),
    counts,
    lastGoLive: {
      baseline: baseLast,
      current: nowLast,
      slip: baseLast && nowLast ? monthsBetween(baseLast, nowLast) : null
    },
    goLivesLater: slips.filter((r) => r.goLiveSlip > 0).length,
    goLivesEarlier: slips.filter((r) => r.goLiveSlip < 0).length,
    worstSlip: worst
      ? { lineageId: worst.lineageId, title: worst.title, months: worst.goLiveSlip }
      : null
  };
}

/** Dropped, then added, then changed items by how far their go-live moved, then the rest. */
function byImportance(a: ItemDifference, b: ItemDifference): number {
  const rank = (d: ItemDifference) =>
    d.changes.includes('dropped') ? 0 : d.changes.includes('added') ? 1 : d.changes.length ? 2 : 3;
  return (
    rank(a) - rank(b) ||
    Math.abs(b.goLiveSlip ?? 0) - Math.abs(a.goLiveSlip ?? 0) ||
    a.title.localeCompare(b.title)
  );
}

/** The same lineage-keyed side from a scenario's rows and id-keyed dependencies. */
export function planSideFromItems(
  items: (PlanItem & { id: string })[],
  dependencies: { predecessorId: string; successorId: string }[]
): PlanSide {
  const lineage = new Map(items.map((i) => [i.id, i.lineageId]));
  return {
    items: items.map(({ id: _id, ...rest }) => rest),
    dependencies: dependencies.flatMap((d) => {
      const predecessor = lineage.get(d.predecessorId);
      const successor = lineage.get(d.successorId);
      return predecessor && successor ? [{ predecessor, successor }] : [];
    })
  };
}
