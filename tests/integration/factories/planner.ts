import { and, eq } from 'drizzle-orm';
import { FIELD } from '#lib/schemas/planner.ts';
import { programmes, roadmapScenarios } from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { inputFingerprint, plannerDefaults, readPlannerForm } from '#lib/server/planner/index.ts';

/**
 * The accept form as the propose page renders it for the programme's data as it is now:
 * every area included, the defaults unless `change` says otherwise, and the fingerprint of
 * the input those give.
 */
export async function acceptForm(
  db: Database,
  slug: string,
  change: Record<string, string> = {},
  dependencies: string[] = []
): Promise<FormData> {
  const [programme] = await db.select().from(programmes).where(eq(programmes.slug, slug));
  const [scenario] = await db
    .select({ id: roadmapScenarios.id })
    .from(roadmapScenarios)
    .where(
      and(eq(roadmapScenarios.programmeId, programme!.id), eq(roadmapScenarios.isCurrent, true))
    );
  const defaults = await plannerDefaults(db, programme!, scenario?.id ?? null);
  const form = new FormData();
  form.set(FIELD.planned, '1');
  form.set('name', 'Proposed plan');
  for (const area of defaults.areas) form.set(FIELD.include(area.id), 'yes');
  for (const [key, value] of Object.entries(change)) form.set(key, value);
  for (const d of dependencies) form.append(FIELD.dependency, d);
  const read = readPlannerForm(form, programme!, defaults.areas);
  form.set('fingerprint', inputFingerprint(read.input));
  return form;
}
