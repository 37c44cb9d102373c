import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { parseLaneGrouping } from '#lib/charts/timeline-layout.ts';
import { todayUtc } from '#lib/domain/dates.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { cachedRoadmapPage, findScenario } from '#lib/server/roadmap/index.ts';
import type { RequestHandler } from './$types';

const uuid = z.uuid();

/**
 * Every item of a scenario's timeline (`TimelineData`), which the roadmap page fetches once it
 * has drawn its first page of rows. One JSON text kept per programme revision, so answering
 * costs no work however large the roadmap.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const asked = url.searchParams.get('scenario');
  if (asked && !uuid.safeParse(asked).success) error(404, 'Not found');
  const scenario = await findScenario(db(), programme.id, asked);
  if (!scenario) error(404, 'Not found');
  const grouping = parseLaneGrouping(url.searchParams.get('lanes'));
  const cached = await cachedRoadmapPage(db(), programme, todayUtc(), { scenario, grouping });
  return new Response(cached.page.allJson, {
    headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' }
  });
};
