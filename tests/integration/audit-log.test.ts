import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  contracts,
  councils,
  programmes,
  serviceAreas,
  successions
} from '#lib/server/db/schema/index.ts';
import { listAuditEvents } from '#lib/server/audit-log.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';

describeEachDriver('the audit log', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  it('lets an owner restore a deleted contract, once, and records that', async () => {
    const f = await createAccessFixtures(ctx.db);
    const base = `/programmes/${f.programmeSlug}`;
    const editor = (await f.cookieFor('editor'))!;
    const owner = (await f.cookieFor('owner'))!;
    expect(
      (
        await app.post(
          `${base}/contracts/${f.contractId}/delete`,
          { version: '1' },
          { cookie: editor }
        )
      ).status
    ).toBe(303);
    const [deletion] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'contract_deleted'));

    const page = await app.get(`${base}/audit`, { cookie: owner });
    expect(await page.text()).toContain('contract deleted');
    const restored = await app.post(
      `${base}/audit?/restore`,
      { eventId: String(deletion!.id) },
      { cookie: owner }
    );
    expect(restored.status).toBe(200);
    expect(await ctx.db.select({ id: contracts.id }).from(contracts)).toEqual([
      { id: f.contractId }
    ]);
    const again = await app.post(
      `${base}/audit?/restore`,
      { eventId: String(deletion!.id) },
      { cookie: owner }
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already been restored');
    const actions = (await ctx.db.select().from(auditEvents)).map((e) => e.action);
    expect(actions.filter((a) => a === 'contract_restored')).toHaveLength(1);
  });

  it('refuses to restore an event that is not a deletion, or from another programme', async () => {
    const f = await createAccessFixtures(ctx.db);
    const owner = (await f.cookieFor('owner'))!;
    const [other] = await ctx.db.select().from(programmes).where(eq(programmes.slug, 'other'));
    const [event] = await ctx.db
      .insert(auditEvents)
      .values({
        programmeId: other!.id,
        entity: 'contract',
        action: 'contract_deleted',
        before: {}
      })
      .returning();
    const response = await app.post(
      `/programmes/${f.programmeSlug}/audit?/restore`,
      { eventId: String(event!.id) },
      { cookie: owner }
    );
    expect(response.status).toBe(409);
    const junk = await app.post(
      `/programmes/${f.programmeSlug}/audit?/restore`,
      { eventId: 'DROP TABLE' },
      { cookie: owner }
    );
    expect(junk.status).toBe(400);
  });

  it('filters by kind of change and by date', async () => {
    const f = await createAccessFixtures(ctx.db);
    const [programme] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    await ctx.db.insert(auditEvents).values([
      {
        programmeId: programme!.id,
        entity: 'contract',
        action: 'contract_updated',
        occurredAt: new Date('2027-01-10T12:00:00Z')
      },
      {
        programmeId: programme!.id,
        entity: 'council',
        action: 'council_updated',
        occurredAt: new Date('2027-01-11T23:30:00Z')
      },
      {
        programmeId: programme!.id,
        entity: 'council',
        action: 'council_updated',
        occurredAt: new Date('2027-01-12T00:30:00Z')
      }
    ]);
    const actions = async (over: Record<string, unknown>) =>
      (await listAuditEvents(ctx.db, programme!.id, { page: 1, ...over })).rows.map(
        (r) => r.action
      );
    expect(await actions({ entity: 'council' })).toEqual(['council_updated', 'council_updated']);
    expect(await actions({ from: '2027-01-11', to: '2027-01-11' })).toEqual(['council_updated']);
    expect(await actions({ to: '2027-01-10' })).toEqual(['contract_updated']);
  });

  it('restores a deleted council with its succession links, and a deleted service area', async () => {
    const f = await createAccessFixtures(ctx.db);
    const base = `/programmes/${f.programmeSlug}`;
    const editor = (await f.cookieFor('editor'))!;
    const owner = (await f.cookieFor('owner'))!;
    await ctx.db
      .insert(successions)
      .values({ predecessorId: f.councilId, successorId: f.successorCouncilId });
    expect(
      (
        await app.post(
          `${base}/councils/${f.successorCouncilId}/delete`,
          { version: '1' },
          { cookie: editor }
        )
      ).status
    ).toBe(303);
    expect(
      (
        await app.post(
          `${base}/service-areas/${f.serviceAreaId}/delete`,
          { version: '1' },
          { cookie: editor }
        )
      ).status
    ).toBe(303);
    expect(await ctx.db.select().from(successions)).toHaveLength(0);
    for (const action of ['council_deleted', 'service_area_deleted']) {
      const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action));
      const response = await app.post(
        `${base}/audit?/restore`,
        { eventId: String(event!.id) },
        { cookie: owner }
      );
      expect(
        response.status,
        `${action}: ${(await response.clone().text()).match(/govuk-error-summary__list[\s\S]{0,300}/)?.[0]}`
      ).toBe(200);
    }
    const [council] = await ctx.db
      .select()
      .from(councils)
      .where(eq(councils.id, f.successorCouncilId));
    expect(council).toMatchObject({ name: 'Matrix Unitary Council', role: 'successor' });
    expect(
      await ctx.db
        .select({ p: successions.predecessorId, s: successions.successorId })
        .from(successions)
    ).toEqual([{ p: f.councilId, s: f.successorCouncilId }]);
    const [area] = await ctx.db
      .select()
      .from(serviceAreas)
      .where(eq(serviceAreas.id, f.serviceAreaId));
    expect(area).toMatchObject({ name: 'Matrix area' });
  });
});
