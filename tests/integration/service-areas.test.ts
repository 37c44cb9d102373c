import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, serviceAreas, systems } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';

describeEachDriver('service areas', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    return {
      f,
      url: `/programmes/${f.programmeSlug}/service-areas`,
      cookie: (await f.cookieFor('editor'))!
    };
  }

  it('adds one, refusing a second of the same name in any case', async () => {
    const { url, cookie } = await setup();
    expect(
      (
        await app.post(
          `${url}?/add`,
          { name: 'Coroners', category: 'service', priority: '3' },
          { cookie }
        )
      ).status
    ).toBe(200);
    const again = await app.post(
      `${url}?/add`,
      { name: 'CORONERS', category: 'service', priority: '1' },
      { cookie }
    );
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already has a service area with this name');
    expect(
      (await ctx.db.select().from(serviceAreas)).filter((a) => a.name.toLowerCase() === 'coroners')
    ).toHaveLength(1);
  });

  it.each([
    [{ name: '' }, 'Enter the service area’s name'],
    [{ priority: '9' }, 'priority from 1 to 3'],
    [{ category: 'other' }, 'service or a corporate foundation'],
    [{ name: 'x'.repeat(10_000) }, '120 characters or fewer']
  ])('refuses %j clearly', async (change, message) => {
    const { url, cookie } = await setup();
    const response = await app.post(
      `${url}?/add`,
      { name: 'Coroners', category: 'service', priority: '2', ...change },
      { cookie }
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it('refuses a stale update and keeps the saved one', async () => {
    const { f, url, cookie } = await setup();
    const first = await app.post(
      `${url}/${f.serviceAreaId}`,
      {
        id: f.serviceAreaId,
        version: '1',
        name: 'Renamed area',
        category: 'service',
        priority: '1'
      },
      { cookie }
    );
    expect(first.status).toBe(303);
    const stale = await app.post(
      `${url}/${f.serviceAreaId}`,
      {
        id: f.serviceAreaId,
        version: '1',
        name: 'Matrix area',
        category: 'foundation',
        priority: '3'
      },
      { cookie }
    );
    expect(stale.status).toBe(409);
    const [area] = await ctx.db
      .select()
      .from(serviceAreas)
      .where(eq(serviceAreas.id, f.serviceAreaId));
    expect(area).toMatchObject({
      name: 'Renamed area',
      category: 'service',
      priority: 1,
      version: 2
    });
  });

  it('removing an area keeps its systems, without an area, and audits the removal', async () => {
    const { f, url, cookie } = await setup();
    const [council] = await ctx.db
      .select({ programmeId: serviceAreas.programmeId })
      .from(serviceAreas)
      .where(eq(serviceAreas.id, f.serviceAreaId));
    await ctx.db.insert(systems).values({
      programmeId: council!.programmeId,
      councilId: f.councilId,
      serviceAreaId: f.serviceAreaId,
      name: 'Kept system'
    });
    expect(
      (await app.post(`${url}/${f.serviceAreaId}/delete`, { version: '1' }, { cookie })).status
    ).toBe(303);
    const [system] = await ctx.db.select().from(systems).where(eq(systems.name, 'Kept system'));
    expect(system).toMatchObject({ name: 'Kept system', serviceAreaId: null });
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'service_area_deleted'));
    expect(event?.before).toMatchObject({ name: 'Matrix area' });
  });
});
