import type { TimelineGhost } from '#lib/charts/timeline-ghosts.ts';
import type { Lane, TimelineItem } from '#lib/charts/timeline-layout.ts';
import { parseZoom, PX_PER_MONTH, type ZoomLevel } from '#lib/charts/timeline-scale.ts';
import type { StatusCounts, Verdict } from '#lib/domain/checks/index.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import { keyDates, summariseWarnings, type WarningSummary } from '#lib/domain/present/summary.ts';
import type { RoadmapDependency, WarningNote } from '#lib/domain/roadmap/index.ts';
import { evaluateProgramme } from '../checks/readiness';
import type { Database } from '../db';
import { compareWithBaseline, ghostsFor, loadBaseline, type ApprovalRow } from '../review';
import { clientView, findScenario, loadRoadmap, roadmapTable, roadmapView } from '../roadmap';
import { frozenReadiness, frozenRoadmap } from './baseline';
import type { RoadmapTablePage } from '../roadmap/page-view';
import type { ProgrammeSettings } from '../roadmap/queries';

/**
 * `frozen`: show this approval's baseline (its frozen items and day-one verdict) instead of
 * the live plan, as a share link to a baseline does. `compareWith`: the live plan with this
 * approval's ghost bars and changes in words, as the signed-in present page can.
 */
export interface PresentOptions {
  frozen?: ApprovalRow;
  compareWith?: ApprovalRow;
}

export interface PresentProgramme extends ProgrammeSettings {
  slug: string;
  name: string;
}

/**
 * Everything the leadership view shows for one scenario: the timeline (lanes by service area,
 * a year or decade at a glance), the day-one readiness verdict as the checks page has it, the
 * rules' findings counted, and the key dates. Null when the scenario is not the programme's.
 *
 * `itemHref` decides where a bar leads: the item's page for members, an anchor in the page's
 * own table for a share link, so a signed-out reader is never sent into the app.
 */
export async function presentView(
  db: Database,
  programme: PresentProgramme,
  scenarioId: string | null,
  today: IsoDate,
  itemHref: (id: string) => string,
  zoom: ZoomLevel = 'year',
  options: PresentOptions = {}
) {
  const scenario = await findScenario(db, programme.id, scenarioId);
  if (!scenario) return null;
  const against = options.frozen ?? options.compareWith;
  const [live, baseline] = await Promise.all([
    loadRoadmap(db, programme, scenario),
    against ? loadBaseline(db, against) : null
  ]);
  const frozen = options.frozen && baseline ? baseline : null;
  const roadmap = frozen ? frozenRoadmap(live, frozen) : live;
  const readiness = frozen
    ? frozenReadiness(frozen)
    : (await evaluateProgramme(db, programme, today)).readiness;
  const comparison = options.compareWith && baseline ? compareWithBaseline(baseline, live) : null;
  const view = roadmapView(roadmap, 'area', today, itemHref);
  const shown = clientView(view);
  return {
    scenario: { id: scenario.id, name: scenario.name, isCurrent: scenario.isCurrent },
    view: shown,
    table: roadmapTable(shown.items, shown.notes, 1, null),
    zoom,
    pxPerMonth: PX_PER_MONTH[zoom],
    readiness: {
      verdict: readiness.verdict,
      counts: readiness.counts,
      successors: readiness.successors
    },
    /** Set when the view is an approval's frozen baseline. */
    approved: frozen
      ? { approvedBy: frozen.approval.approvedBy, approvedOn: frozen.approval.approvedOn }
      : null,
    /** Set when the live plan is compared with an approval. */
    comparison:
      comparison && baseline
        ? {
            id: baseline.approval.id,
            approvedBy: baseline.approval.approvedBy,
            approvedOn: baseline.approval.approvedOn,
            sentences: comparison.sentences
          }
        : null,
    ghosts: comparison && baseline ? ghostsFor(baseline, comparison, 'area') : undefined,
    summary: summariseWarnings(view.warnings),
    keyDates: keyDates({
      vestingDate: view.settings.vestingDate,
      horizonEnd: view.horizonEnd,
      milestones: view.milestones,
      goLives: view.items.filter((i) => i.kind === 'redesign')
    })
  };
}

export type PresentView = NonNullable<Awaited<ReturnType<typeof presentView>>>;

/** A bar of the leadership view: what the timeline draws, its tooltip says and its link is. */
export type PictureItem = Omit<TimelineItem, 'councilId'> & { owner: string | null; href: string };

/**
 * What the leadership view (RoadmapPresent) shows, and nothing more: the signed-in present
 * page passes a whole `PresentView`, which has this and more; a share link passes exactly
 * this (see `sharedPresent`), since whatever a page's data holds reaches the reader's browser.
 */
export interface PresentPicture {
  scenario: { name: string; isCurrent: boolean };
  view: {
    items: PictureItem[];
    lanes: Lane[];
    dependencies: RoadmapDependency[];
    milestones: { id: string; name: string; date: IsoDate }[];
    window: { from: IsoDate; to: IsoDate };
    settings: { vestingDate: IsoDate; capacity: number };
    horizonEnd: IsoDate;
    /** Each item's warnings in brief, by item id. */
    notes: Record<string, WarningNote>;
  };
  table: RoadmapTablePage;
  pxPerMonth: number;
  readiness: {
    verdict: Verdict;
    counts: StatusCounts;
    /** Shown only when there is more than one successor. */
    successors: { name: string; verdict: Verdict }[];
  };
  approved: { approvedBy: string; approvedOn: IsoDate } | null;
  comparison?: PresentView['comparison'];
  ghosts?: TimelineGhost[];
  summary: WarningSummary;
  keyDates: { name: string; date: IsoDate }[];
}

/** Year by default; decade when asked: the two densities that show the whole plan at once. */
export function presentZoom(value: string | null): ZoomLevel {
  return parseZoom(value) === 'decade' ? 'decade' : 'year';
}
