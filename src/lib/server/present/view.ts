import { parseZoom, PX_PER_MONTH, type ZoomLevel } from '$lib/charts/timeline-scale';
import type { IsoDate } from '$lib/domain/dates';
import { keyDates, summariseWarnings } from '$lib/domain/present/summary';
import { evaluateProgramme } from '../checks/readiness';
import type { Database } from '../db';
import { findScenario, loadRoadmap, roadmapView } from '../roadmap';
import type { ProgrammeSettings } from '../roadmap/queries';

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
  zoom: ZoomLevel = 'year'
) {
  const scenario = await findScenario(db, programme.id, scenarioId);
  if (!scenario) return null;
  const [roadmap, report] = await Promise.all([
    loadRoadmap(db, programme, scenario),
    evaluateProgramme(db, programme, today)
  ]);
  const view = roadmapView(roadmap, 'area', today, itemHref);
  return {
    scenario: { id: scenario.id, name: scenario.name, isCurrent: scenario.isCurrent },
    view,
    zoom,
    pxPerMonth: PX_PER_MONTH[zoom],
    readiness: {
      verdict: report.readiness.verdict,
      counts: report.readiness.counts,
      successors: report.readiness.successors
    },
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

/** Year by default; decade when asked: the two densities that show the whole plan at once. */
export function presentZoom(value: string | null): ZoomLevel {
  return parseZoom(value) === 'decade' ? 'decade' : 'year';
}
