import { eq, or } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  baselineItems,
  roadmapApprovals,
  roadmapDependencies,
  roadmapItemContracts,
  roadmapItems,
  roadmapItemSystems,
  roadmapMilestones,
  roadmapScenarios
} from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createRoadmapFixtures, insertRoadmapItems } from './factories/roadmap';

describeEachDriver('deleting roadmap items and scenarios', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const eventsOf = (action: string) =>
    ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  const depsOf = (id: string) =>
    ctx.db
      .select()
      .from(roadmapDependencies)
      .where(
        or(eq(roadmapDependencies.predecessorId, id), eq(roadmapDependencies.successorId, id))
      );
  const linksOf = async (id: string) => ({
    contracts: await ctx.db
      .select()
      .from(roadmapItemContracts)
      .where(eq(roadmapItemContracts.itemId, id)),
    systems: await ctx.db.select().from(roadmapItemSystems).where(eq(roadmapItemSystems.itemId, id))
  });

  /** The fixture item with one item before it, one after it, a contract and a system. */
  async function linkedItem() {
    const r = await createRoadmapFixtures(ctx.db);
    const id = r.f.roadmapItemId;
    const [before, after] = await insertRoadmapItems(ctx.db, r.programmeId, r.f.scenarioId, [
      '2027-04-01',
      '2032-04-01'
    ]);
    await ctx.db.insert(roadmapDependencies).values([
      { predecessorId: before!, successorId: id },
      { predecessorId: id, successorId: after! }
    ]);
    await ctx.db.insert(roadmapItemContracts).values({ itemId: id, contractId: r.f.contractId });
    await ctx.db.insert(roadmapItemSystems).values({ itemId: id, systemId: r.f.systemId });
    return { r, id, owner: (await r.f.cookieFor('owner'))! };
  }

  it('deletes an item with its links, and an owner restores it exactly from the audit log', async () => {
    const { r, id, owner } = await linkedItem();
    const [row] = await ctx.db.select().from(roadmapItems).where(eq(roadmapItems.id, id));
    const deps = await depsOf(id);
    const links = await linksOf(id);

    const page = await app.get(`${r.base}/items/${id}/delete`, { cookie: r.editor });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Are you sure you want to delete Matrix redesign?');
    const response = await app.post(
      `${r.base}/items/${id}/delete`,
      { version: '1' },
      { cookie: r.editor }
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(r.base);
    expect(await ctx.db.select().from(roadmapItems).where(eq(roadmapItems.id, id))).toEqual([]);
    expect(await depsOf(id)).toEqual([]);
    expect(await linksOf(id)).toEqual({ contracts: [], systems: [] });
    const [event] = await eventsOf('roadmap_item_deleted');
    expect(event).toMatchObject({ entityId: id, userId: r.f.users.editor.id });
    expect(event!.before).toMatchObject({
      title: 'Matrix redesign',
      startDate: '2029-04-01',
      endDate: '2031-04-01',
      contractIds: [r.f.contractId],
      systemIds: [r.f.systemId]
    });

    const restored = await app.post(
      `${r.base.replace('/roadmap', '')}/audit?/restore`,
      { eventId: String(event!.id) },
      { cookie: owner }
    );
    expect(restored.status).toBe(200);
    expect(await ctx.db.select().from(roadmapItems).where(eq(roadmapItems.id, id))).toEqual([row]);
    const sortDeps = (d: typeof deps) =>
      [...d].sort((a, b) => a.predecessorId.localeCompare(b.predecessorId));
    expect(sortDeps(await depsOf(id))).toEqual(sortDeps(deps));
    expect(await linksOf(id)).toEqual(links);
    expect(await eventsOf('roadmap_item_restored')).toHaveLength(1);
    const again = await app.post(
      `${r.base.replace('/roadmap', '')}/audit?/restore`,
      { eventId: String(event!.id) },
      { cookie: owner }
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already been restored');
  });

  it('refuses a stale delete and a viewer, and leaves approved baselines alone', async () => {
    const { r, id } = await linkedItem();
    const [approval] = await ctx.db.select().from(roadmapApprovals);
    const [lineage] = await ctx.db
      .select({ lineageId: roadmapItems.lineageId })
      .from(roadmapItems)
      .where(eq(roadmapItems.id, id));
    await ctx.db.insert(baselineItems).values({
      approvalId: approval!.id,
      lineageId: lineage!.lineageId,
      title: 'Matrix redesign',
      kind: 'redesign',
      status: 'planned',
      startDate: '2029-04-01',
      alphaStart: '2029-07-01',
      betaStart: '2030-01-01',
      liveStart: '2030-10-01',
      endDate: '2031-04-01'
    });
    const viewer = await app.post(
      `${r.base}/items/${id}/delete`,
      { version: '1' },
      { cookie: r.viewer }
    );
    expect(viewer.status).toBe(403);
    expect((await app.get(`${r.base}/items/${id}/delete`, { cookie: r.viewer })).status).toBe(403);
    await ctx.db.update(roadmapItems).set({ version: 2 }).where(eq(roadmapItems.id, id));
    const stale = await app.post(
      `${r.base}/items/${id}/delete`,
      { version: '1' },
      { cookie: r.editor }
    );
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone else changed this item');
    expect(await ctx.db.select().from(roadmapItems).where(eq(roadmapItems.id, id))).toHaveLength(1);
    expect(
      (await app.post(`${r.base}/items/${id}/delete`, { version: '2' }, { cookie: r.editor }))
        .status
    ).toBe(303);
    expect(await ctx.db.select().from(baselineItems)).toHaveLength(1);
    expect(await eventsOf('roadmap_item_deleted')).toHaveLength(1);
  });

  it('renames a scenario with an audit event, refusing a blank, duplicate or stale name', async () => {
    const r = await createRoadmapFixtures(ctx.db);
    await ctx.db
      .insert(roadmapScenarios)
      .values({ programmeId: r.programmeId, name: 'Faster plan' });
    const rename = `${r.base}/scenarios/${r.f.scenarioId}/rename`;
    const blank = await app.post(rename, { name: '  ', version: '1' }, { cookie: r.editor });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain('Enter a name for the scenario');
    const duplicate = await app.post(
      rename,
      { name: 'faster PLAN', version: '1' },
      { cookie: r.editor }
    );
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain('Another scenario already has that name');
    expect(
      (await app.post(rename, { name: 'Agreed plan', version: '1' }, { cookie: r.viewer })).status
    ).toBe(403);
    const ok = await app.post(rename, { name: 'Agreed plan', version: '1' }, { cookie: r.editor });
    expect(ok.status).toBe(303);
    const [renamed] = await ctx.db
      .select()
      .from(roadmapScenarios)
      .where(eq(roadmapScenarios.id, r.f.scenarioId));
    expect(renamed).toMatchObject({ name: 'Agreed plan', version: 2 });
    const [event] = await eventsOf('roadmap_scenario_renamed');
    expect(event).toMatchObject({
      entityId: r.f.scenarioId,
      before: { name: 'Matrix plan' },
      after: { name: 'Agreed plan' }
    });
    const stale = await app.post(rename, { name: 'Later', version: '1' }, { cookie: r.editor });
    expect(stale.status).toBe(409);
    expect(await eventsOf('roadmap_scenario_renamed')).toHaveLength(1);
  });

  it('deletes a scenario with everything in it, owners only, never the current or an approved one', async () => {
    const { r, owner } = await linkedItem();
    const current = `${r.base}/scenarios/${r.f.scenarioId}/delete`;
    const page = await app.get(current, { cookie: owner });
    expect(await page.text()).toContain('Make another scenario current before you delete this one');
    const refused = await app.post(current, { version: '1' }, { cookie: owner });
    expect(refused.status).toBe(409);

    const copy = await app.post(
      `${r.base}/scenarios?/copy`,
      { scenarioId: r.f.scenarioId, name: 'Copy' },
      { cookie: r.editor }
    );
    expect(copy.status).toBe(303);
    const [copied] = await ctx.db
      .select()
      .from(roadmapScenarios)
      .where(eq(roadmapScenarios.name, 'Copy'));
    await ctx.db.insert(roadmapMilestones).values({
      scenarioId: copied!.id,
      name: 'Gateway',
      date: '2030-01-01'
    });
    const path = `${r.base}/scenarios/${copied!.id}/delete`;
    expect((await app.post(path, { version: '1' }, { cookie: r.editor })).status).toBe(403);
    const itemsBefore = await ctx.db.select().from(roadmapItems);

    // Approved: kept with its history.
    await ctx.db.update(roadmapApprovals).set({ scenarioId: copied!.id });
    const approved = await app.post(path, { version: '1' }, { cookie: owner });
    expect(approved.status).toBe(409);
    expect(await approved.text()).toContain('has been approved');
    await ctx.db.update(roadmapApprovals).set({ scenarioId: r.f.scenarioId });

    const deleted = await app.post(path, { version: '1' }, { cookie: owner });
    expect(deleted.status).toBe(303);
    expect(
      await ctx.db.select().from(roadmapScenarios).where(eq(roadmapScenarios.id, copied!.id))
    ).toEqual([]);
    const itemsAfter = await ctx.db.select().from(roadmapItems);
    expect(itemsAfter).toEqual(itemsBefore.filter((i) => i.scenarioId !== copied!.id));
    expect(itemsAfter).toHaveLength(3);
    expect(await ctx.db.select().from(roadmapDependencies)).toHaveLength(2);
    expect(await ctx.db.select().from(roadmapItemContracts)).toHaveLength(1);
    expect(await ctx.db.select().from(roadmapMilestones)).toEqual([]);
    const [event] = await eventsOf('roadmap_scenario_deleted');
    expect(event).toMatchObject({ entityId: copied!.id, before: { name: 'Copy', milestones: 1 } });
    expect((event!.before as { items: unknown[] }).items).toHaveLength(3);
  });
});
