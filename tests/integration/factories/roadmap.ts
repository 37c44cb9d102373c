import { eq } from 'drizzle-orm';
import { programmes, roadmapItems } from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { createAccessFixtures } from './access';

/** The access fixtures' programme, its current scenario and one redesign, plus cookies. */
export async function createRoadmapFixtures(db: Database) {
  const f = await createAccessFixtures(db);
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, f.programmeSlug));
  return {
    f,
    programmeId: programme!.id,
    base: `/programmes/${f.programmeSlug}/roadmap`,
    editor: (await f.cookieFor('editor'))!,
    viewer: (await f.cookieFor('viewer'))!
  };
}

/** Inserts redesigns directly (no audit) into a scenario, each a year long from `start`. */
export async function insertRoadmapItems(
  db: Database,
  programmeId: string,
  scenarioId: string,
  starts: string[]
): Promise<string[]> {
  if (starts.length === 0) return [];
  const rows = await db
    .insert(roadmapItems)
    .values(
      starts.map((start, i) => {
        const year = Number(start.slice(0, 4));
        const end = `${year + 1}${start.slice(4)}`;
        return {
          programmeId,
          scenarioId,
          kind: 'redesign' as const,
          title: `Item ${i + 1}`,
          startDate: start,
          alphaStart: start,
          betaStart: start,
          liveStart: end,
          endDate: end
        };
      })
    )
    .returning({ id: roadmapItems.id });
  return rows.map((r) => r.id);
}
