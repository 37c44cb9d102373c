import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { evaluateChecks } from '#lib/domain/checks/index.ts';
import { loadChecksSnapshot } from '#lib/server/checks/snapshot.ts';
import { programmes, roadmapItems, roadmapScenarios } from '#lib/server/db/schema/index.ts';
import { createAccessFixtures, type AccessFixtures } from './factories/access';
import { describeEachDriver } from './harness';

describeEachDriver('the day-one checks read the current roadmap', (ctx) => {
  let f: AccessFixtures;
  let programme: typeof programmes.$inferSelect;
  beforeEach(async () => {
    f = await createAccessFixtures(ctx.db);
    const [row] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    programme = row!;
  });

  const dayOneSmall = async () => {
    const { snapshot, settings } = await loadChecksSnapshot(ctx.db, programme);
    const result = evaluateChecks(snapshot, '2026-11-27', settings).find(
      (r) => r.id === 'day-one-small'
    );
    return { snapshot, result: result! };
  };

  it('takes the redesigns of the current scenario only, leaving foundations out', async () => {
    await ctx.db.insert(roadmapItems).values({
      programmeId: programme.id,
      scenarioId: f.scenarioId,
      kind: 'foundation',
      title: 'Network',
      startDate: '2020-01-01',
      alphaStart: '2020-02-01',
      betaStart: '2020-03-01',
      liveStart: '2020-04-01',
      endDate: '2020-05-01'
    });
    const { snapshot } = await dayOneSmall();
    expect(snapshot.redesigns).toEqual([
      {
        id: f.roadmapItemId,
        title: 'Matrix redesign',
        serviceAreaId: f.serviceAreaId,
        start: '2029-04-01'
      }
    ]);
  });

  it('fails a redesign that starts before vesting day', async () => {
    await ctx.db
      .update(roadmapItems)
      .set({ startDate: '2020-01-01', alphaStart: '2020-02-01' })
      .where(eq(roadmapItems.id, f.roadmapItemId));
    await ctx.db
      .update(programmes)
      .set({ vestingDate: '2028-04-01' })
      .where(eq(programmes.id, programme.id));
    programme = { ...programme, vestingDate: '2028-04-01' };
    const { result } = await dayOneSmall();
    expect(result.status).toBe('fail');
    expect(result.findings.map((x) => x.label)).toEqual(['Matrix redesign']);
  });

  it('says not known when there is no current scenario', async () => {
    await ctx.db
      .update(roadmapScenarios)
      .set({ isCurrent: false })
      .where(eq(roadmapScenarios.id, f.scenarioId));
    const { snapshot, result } = await dayOneSmall();
    expect(snapshot.redesigns).toBeNull();
    expect(result.status).toBe('unknown');
  });

  it('passes a current scenario with no redesigns', async () => {
    await ctx.db.delete(roadmapItems).where(eq(roadmapItems.id, f.roadmapItemId));
    const { snapshot, result } = await dayOneSmall();
    expect(snapshot.redesigns).toEqual([]);
    expect(result.status).toBe('pass');
  });
});
