import { PX_PER_MONTH } from '#lib/charts/timeline-scale.ts';
import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { downloadResponse } from '#lib/server/export/index.ts';
import {
  presentZoom,
  scenarioForExport,
  timelineFormat,
  timelinePng,
  timelineSvg
} from '#lib/server/present/index.ts';
import type { RequestHandler } from './$types';

/**
 * The timeline as a picture for slides and papers: SVG (default) or PNG (?format=png), at
 * year zoom or the whole decade (?zoom=decade).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const { scenario, today, view } = await scenarioForExport(db(), programme, url.searchParams);
  const svg = timelineSvg({
    programmeName: programme.name,
    scenarioName: scenario.name,
    view,
    pxPerMonth: PX_PER_MONTH[presentZoom(url.searchParams.get('zoom'))],
    today
  });
  const format = timelineFormat(url.searchParams);
  const file = `${programme.slug}-roadmap-${today}.${format}`;
  return format === 'png'
    ? downloadResponse(timelinePng(svg), file, 'image/png')
    : downloadResponse(svg, file, 'image/svg+xml; charset=utf-8');
};
