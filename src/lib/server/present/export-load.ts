import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { todayUtc } from '#lib/domain/dates.ts';
import type { Database } from '../db';
import { findScenario, loadRoadmap, roadmapView } from '../roadmap';
import type { PresentProgramme } from './view';

const uuid = z.uuid();

/**
 * The scenario a download is for (?scenario=, else the current one) as the roadmap page
 * shows it, with lanes by service area. 404 for a scenario that is not the programme's or a
 * programme with no roadmap: there is nothing to download.
 */
export async function scenarioForExport(
  db: Database,
  programme: PresentProgramme,
  params: URLSearchParams
) {
  const asked = params.get('scenario');
  if (asked && !uuid.safeParse(asked).success) error(404, 'Not found');
  const scenario = await findScenario(db, programme.id, asked);
  if (!scenario) error(404, 'Not found');
  const today = todayUtc();
  const roadmap = await loadRoadmap(db, programme, scenario);
  const base = `/programmes/${programme.slug}/roadmap`;
  return {
    scenario,
    today,
    view: roadmapView(roadmap, 'area', today, (id) => `${base}/items/${id}`)
  };
}
