import { requireProgramme } from '#lib/server/access.ts';
import { db } from '#lib/server/db/index.ts';
import { exportFormat, tableDownload } from '#lib/server/export/index.ts';
import { roadmapItemsExport, scenarioForExport } from '#lib/server/present/index.ts';
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
