import type { LaneGrouping } from '#lib/charts/timeline-layout.ts';
import { keyedRevisionCache, type CacheableProgramme } from '../revision-cache';
import { roadmapPageBase } from './page-view';
import { loadRoadmap, type ProgrammeSettings, type ScenarioRow } from './queries';
import { roadmapView } from './view';

/**
 * A scenario as the roadmap page draws it (its rules' findings, the timeline's rows and pages,
 * every item as JSON), worked out once per programme revision (see `revision-cache.ts`): at
 * 5,000 items that is most of a second, and a roadmap is looked at far more than it changes.
 * Every change to a scenario, its items or the programme's settings is audited, which raises
 * the revision.
 */
export const cachedRoadmapPage = keyedRevisionCache(
  async (
    db,
    programme: CacheableProgramme & ProgrammeSettings,
    today,
    arg: { scenario: ScenarioRow; grouping: LaneGrouping }
  ) => {
    const roadmap = await loadRoadmap(db, programme, arg.scenario);
    const base = `/programmes/${programme.slug}/roadmap`;
    const view = roadmapView(roadmap, arg.grouping, today, (id) => `${base}/items/${id}`);
    return { roadmap, page: roadmapPageBase(view, arg.grouping) };
  },
  { variants: 8 }
);
