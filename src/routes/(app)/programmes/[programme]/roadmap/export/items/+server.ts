import { requireProgramme } from '$lib/server/access';
import { db } from '$lib/server/db';
import { exportFormat, tableDownload } from '$lib/server/export';
import { roadmapItemsExport, scenarioForExport } from '$lib/server/present';
import type { RequestHandler } from './$types';

/** A scenario's items as CSV or Excel (?format=xlsx), cells neutralised by the shared exporter. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const programme = await requireProgramme(locals.user, params.programme);
  const { scenario, today, view } = await scenarioForExport(db(), programme, url.searchParams);
  return tableDownload(
    roadmapItemsExport(scenario.name, view),
    exportFormat(url.searchParams),
    `${programme.slug}-roadmap-${today}`
  );
};
