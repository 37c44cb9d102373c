import { eq } from 'drizzle-orm';
import { councils, programmes, serviceAreas, systems } from '#lib/server/db/schema/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { createAccessFixtures } from './access';

/**
 * The access fixtures' programme with three service areas and two more merging councils,
 * so there is something to filter, sort and compare.
 */
export async function createSystemsFixtures(db: Database) {
  const f = await createAccessFixtures(db);
  // These tests count and order systems and service areas exactly, so they start from none,
  // whatever the shared access fixtures hold.
  await db.delete(systems);
  await db.delete(serviceAreas);
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, f.programmeSlug));
  const programmeId = programme!.id;
  const [finance, waste, libraries] = await db
    .insert(serviceAreas)
    .values([
      { programmeId, name: 'Finance', category: 'foundation' as const },
      { programmeId, name: 'Waste', category: 'service' as const },
      { programmeId, name: 'Libraries', category: 'service' as const }
    ])
    .returning({ id: serviceAreas.id });
  const [north, south] = await db
    .insert(councils)
    .values([
      { programmeId, name: 'North District Council', role: 'predecessor', kind: 'district' },
      { programmeId, name: 'South District Council', role: 'predecessor', kind: 'district' }
    ])
    .returning({ id: councils.id });
  return {
    f,
    programmeId,
    base: `/programmes/${f.programmeSlug}/systems`,
    councilIds: { matrix: f.councilId, north: north!.id, south: south!.id },
    areaIds: { finance: finance!.id, waste: waste!.id, libraries: libraries!.id },
    editor: (await f.cookieFor('editor'))!,
    viewer: (await f.cookieFor('viewer'))!
  };
}

export type SystemRowInput = typeof systems.$inferInsert;

/** Inserts systems directly (no audit), for lists and matrices; returns their ids in order. */
export async function insertSystems(db: Database, rows: SystemRowInput[]): Promise<string[]> {
  const ids: string[] = [];
  // In slices, to stay well under the bind-parameter limit whatever the count.
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insert(systems)
      .values(rows.slice(i, i + 500))
      .returning({ id: systems.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
