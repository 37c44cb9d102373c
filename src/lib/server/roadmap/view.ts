import type { IsoDate } from '#lib/domain/dates.ts';
import {
  evaluateRoadmap,
  horizonEnd,
  quarterLoads,
  STATUS_LABELS,
  warningNotes,
  warningsByItem,
  type RoadmapWarning
} from '#lib/domain/roadmap/index.ts';
import { lanesFor, type LaneGrouping } from '#lib/charts/timeline-layout.ts';
import { timelineWindow } from '#lib/charts/timeline-scale.ts';
import type { LoadedRoadmap } from './queries';

/**
 * What the roadmap page shows for a loaded scenario: the warnings, the timeline's items and
 * lanes, the window it draws and the per-quarter load, in plain data the page can serialise.
 */
export function roadmapView(
  roadmap: LoadedRoadmap,
  grouping: LaneGrouping,
  today: IsoDate,
  itemHref: (id: string) => string
) {
  const { plan } = roadmap;
  const warnings = evaluateRoadmap(plan);
  const byItem: Record<string, RoadmapWarning[]> = Object.fromEntries(warningsByItem(warnings));
  const end = horizonEnd(plan.settings);
  const window = timelineWindow(
    { today, vestingDate: plan.settings.vestingDate, horizonEnd: end },
    plan.items
  );
  const contracts = new Map(roadmap.contracts.map((c) => [c.id, c]));
  const areaName = new Map(plan.serviceAreas.map((a) => [a.id, a.name]));
  const councilName = new Map(roadmap.councils.map((c) => [c.id, c.name]));
  const planItems = new Map(plan.items.map((i) => [i.id, i]));
  const items = roadmap.items.map((row) => {
    const planItem = planItems.get(row.id)!;
    return {
      ...planItem,
      lineageId: row.lineageId,
      version: row.version,
      owner: row.owner,
      size: row.size,
      href: itemHref(row.id),
      serviceAreaName: row.serviceAreaId ? (areaName.get(row.serviceAreaId) ?? null) : null,
      councilName: row.councilId ? (councilName.get(row.councilId) ?? null) : null,
      contractEnds: row.contractIds.flatMap((id) => {
        const c = contracts.get(id);
        return c?.currentEnd
          ? [{ contractId: id, reference: c.reference, date: c.currentEnd }]
          : [];
      })
    };
  });
  const lanes = lanesFor(
    grouping,
    plan.items,
    { areas: plan.serviceAreas, councils: roadmap.councils },
    STATUS_LABELS
  );
  const quarters = quarterLoads(plan.items, plan.settings.vestingDate, end).map((q) => ({
    start: q.start,
    count: q.itemIds.length
  }));
  return {
    warnings,
    warningsByItem: byItem,
    items,
    lanes,
    dependencies: plan.dependencies,
    milestones: roadmap.milestones,
    window,
    horizonEnd: end,
    quarters,
    settings: plan.settings
  };
}

export type RoadmapView = ReturnType<typeof roadmapView>;

/**
 * The view as a page sends it to the browser: each item's warnings as a short note (see
 * `WarningNote`) rather than every warning for every item, which on a large roadmap is
 * megabytes. The full warnings stay on the server, for exports and the warnings list.
 */
export function clientView(view: RoadmapView) {
  const { warnings: _warnings, warningsByItem, ...rest } = view;
  return { ...rest, notes: warningNotes(Object.entries(warningsByItem)) };
}

export type ClientRoadmapView = ReturnType<typeof clientView>;
