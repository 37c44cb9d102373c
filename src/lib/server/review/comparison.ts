import type { LaneGrouping } from '#lib/charts/timeline-layout.ts';
import { laneKeyOf } from '#lib/charts/timeline-layout.ts';
import type { TimelineGhost } from '#lib/charts/timeline-ghosts.ts';
import {
  describeChanges,
  describeItem,
  diffAgainstBaseline,
  planSideFromItems,
  type BaselineDiff,
  type PlanSide
} from '#lib/domain/review/index.ts';
import type { LoadedRoadmap } from '../roadmap';
import type { LoadedBaseline } from './approvals';

/** The scenario's side of a comparison, keyed by lineage. */
export function currentSide(roadmap: LoadedRoadmap | null): PlanSide {
  if (!roadmap) return { items: [], dependencies: [] };
  return planSideFromItems(
    roadmap.items.map((i) => ({
      id: i.id,
      lineageId: i.lineageId,
      title: i.title,
      startDate: i.startDate,
      alphaStart: i.alphaStart,
      betaStart: i.betaStart,
      liveStart: i.liveStart,
      endDate: i.endDate
    })),
    roadmap.plan.dependencies
  );
}

export interface BaselineComparison {
  diff: BaselineDiff;
  /** The report in sentences, summary first. */
  sentences: string[];
  /** Per changed item, its sentence, for tables. */
  rows: (BaselineDiff['items'][number] & { sentence: string | null; itemId: string | null })[];
}

/** A scenario against an approved baseline: the diff, and the same in words. */
export function compareWithBaseline(
  baseline: LoadedBaseline,
  roadmap: LoadedRoadmap | null
): BaselineComparison {
  const diff = diffAgainstBaseline(baseline.side, currentSide(roadmap));
  const idOf = new Map((roadmap?.items ?? []).map((i) => [i.lineageId, i.id]));
  return {
    diff,
    sentences: describeChanges(diff, baseline.approval),
    rows: diff.items.map((d) => ({
      ...d,
      sentence: describeItem(d),
      itemId: idOf.get(d.lineageId) ?? null
    }))
  };
}

/** What the timeline draws behind the bars for a comparison, for the lanes shown. */
export function ghostsFor(
  baseline: LoadedBaseline,
  comparison: BaselineComparison,
  grouping: LaneGrouping
): TimelineGhost[] {
  const frozen = new Map(baseline.items.map((i) => [i.lineageId, i]));
  return comparison.rows.flatMap((row): TimelineGhost[] => {
    const key = row.lineageId;
    if (row.changes.includes('dropped')) {
      const item = frozen.get(row.lineageId)!;
      return [
        {
          key,
          kind: 'dropped',
          title: row.title,
          itemId: null,
          schedule: row.baseline,
          laneKey: laneKeyOf(item, grouping)
        }
      ];
    }
    if (row.changes.includes('added')) {
      return [
        { key, kind: 'added', title: row.title, itemId: row.itemId, schedule: null, laneKey: null }
      ];
    }
    const moved = row.startSlip !== 0 || row.endSlip !== 0 || row.goLiveSlip !== 0;
    const datesDiffer =
      row.baseline &&
      row.current &&
      (Object.keys(row.baseline) as (keyof typeof row.baseline)[]).some(
        (f) => row.baseline![f] !== row.current![f]
      );
    return moved || datesDiffer
      ? [
          {
            key,
            kind: 'moved',
            title: row.title,
            itemId: row.itemId,
            schedule: row.baseline,
            laneKey: null
          }
        ]
      : [];
  });
}
