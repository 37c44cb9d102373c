import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents,
  contracts,
  contractSystems,
  councils,
  systems
} from '#lib/server/db/schema/index.ts';
import { restoreSystem } from '#lib/server/systems/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createSystemsFixtures } from './factories/systems';

describeEachDriver('adding, changing, deleting and restoring a system', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const valid = (councilId: string, change: Record<string, string> = {}) => ({
    name: 'Corporate ERP',
    councilId,
    product: 'Ledgerline ERP',
    vendor: 'Ledgerline Ltd',
    hosting: 'hosted',
    users: '1,200',
    annualCost: '£1,234.56',
    lifecycle: 'Supported until 2029',
    timeDisposition: 'migrate',
    dayOneCritical: 'yes',
    ...change
  });

  /** Adds a system through the app, as an editor does, and returns its id and page. */
  async function added(s: Awaited<ReturnType<typeof createSystemsFixtures>>) {
    const response = await app.post(`${s.base}/new`, valid(s.councilIds.matrix), {
      cookie: s.editor
    });
    expect(response.status).toBe(303);
    const id = /systems\/([0-9a-f-]{36})\?saved=added$/.exec(
      response.headers.get('location') ?? ''
    )?.[1];
    expect(id).toBeDefined();
    return { id: id!, url: `${s.base}/${id}` };
  }

  const rowOf = async (id: string) =>
    (await ctx.db.select().from(systems).where(eq(systems.id, id)))[0];
  const eventsOf = (action: string) =>
    ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action));

  it('adds a system with its audit event, reading money and numbers as people type them', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const { id, url } = await added(s);
    expect(await rowOf(id)).toMatchObject({
      programmeId: s.programmeId,
      councilId: s.councilIds.matrix,
      serviceAreaId: null,
      name: 'Corporate ERP',
      users: 1200,
      annualCostPence: 123_456,
      hosting: 'hosted',
      timeDisposition: 'migrate',
      dayOneCritical: true,
      version: 1
    });
    const [event] = await eventsOf('system_created');
    expect(event).toMatchObject({
      userId: s.f.users.editor.id,
      entity: 'system',
      entityId: id,
      before: null,
      after: { name: 'Corporate ERP', annualCostPence: 123_456, dayOneCritical: true }
    });
    const form = await (await app.get(`${s.base}/new`, { cookie: s.editor })).text();
    expect(form).toContain('<title>Add a system – Matrix programme – Vesting Day</title>');
    const list = await (await app.get(s.base, { cookie: s.editor })).text();
    expect(list).toContain(`href="${s.base}/new"`);
    expect(list).toContain('Add a system');
    const page = await (await app.get(`${url}?saved=added`, { cookie: s.editor })).text();
    expect(page).toContain('<title>Corporate ERP – Matrix programme – Vesting Day</title>');
    expect(page).toContain('System added');
    expect(page).toContain('£1,234.56');
    expect(page).toContain('value="1,234.56"');
    expect(page).toContain(
      `href="${url}/delete">Delete<span class="govuk-visually-hidden"> Corporate ERP</span></a>`
    );
  });

  it('saves a change with before and after, and refuses a stale one with a conflict', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const { id, url } = await added(s);
    const first = await app.post(
      url,
      valid(s.councilIds.north, { name: 'First save', annualCost: '1.2m', version: '1' }),
      { cookie: s.editor }
    );
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${url}?saved=changed`);
    const second = await app.post(
      url,
      valid(s.councilIds.matrix, { name: 'Second save', dayOneCritical: '', version: '1' }),
      { cookie: s.editor }
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Someone else changed this system while you were editing it');
    expect(html).toContain('Second save');
    expect(html).toContain('First save');
    expect(html).toContain('North District Council');
    expect(await rowOf(id)).toMatchObject({
      name: 'First save',
      councilId: s.councilIds.north,
      annualCostPence: 120_000_000,
      dayOneCritical: true,
      version: 2
    });
    const updates = await eventsOf('system_updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      entityId: id,
      before: { name: 'Corporate ERP', councilId: s.councilIds.matrix, annualCostPence: 123_456 },
      after: { name: 'First save', councilId: s.councilIds.north, annualCostPence: 120_000_000 }
    });
  });

  it('deletes only at the version seen, recording the whole row, and restores it identical', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const { id, url } = await added(s);
    const [contract] = await ctx.db
      .insert(contracts)
      .values({
        programmeId: s.programmeId,
        councilId: s.councilIds.matrix,
        reference: 'C-001',
        title: 'ERP support',
        supplierName: 'Ledgerline Ltd'
      })
      .returning({ id: contracts.id });
    await ctx.db.insert(contractSystems).values({ contractId: contract!.id, systemId: id });
    await app.post(url, valid(s.councilIds.matrix, { name: 'Renamed ERP', version: '1' }), {
      cookie: s.editor
    });
    const original = await rowOf(id);
    expect(original?.version).toBe(2);

    const confirm = await (await app.get(`${url}/delete`, { cookie: s.editor })).text();
    expect(confirm).toContain('<title>Delete Renamed ERP – Matrix programme – Vesting Day</title>');
    expect(confirm).toContain('Are you sure you want to delete Renamed ERP?');
    expect(confirm).toContain('class="govuk-button govuk-button--warning');
    const stale = await app.post(`${url}/delete`, { version: '1' }, { cookie: s.editor });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone else changed this system');
    expect(await rowOf(id)).toBeDefined();
    expect(await eventsOf('system_deleted')).toHaveLength(0);

    const done = await app.post(`${url}/delete`, { version: '2' }, { cookie: s.editor });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${s.base}?deleted=1`);
    expect(await rowOf(id)).toBeUndefined();
    const list = await (await app.get(`${s.base}?deleted=1`, { cookie: s.editor })).text();
    expect(list).toContain('System deleted');
    expect(list).not.toContain('Renamed ERP');

    const [event] = await eventsOf('system_deleted');
    expect(event).toMatchObject({ entity: 'system', entityId: id, after: null });
    expect(event!.before).toEqual({
      ...original,
      createdAt: original!.createdAt.toISOString(),
      updatedAt: original!.updatedAt.toISOString(),
      contractIds: [contract!.id]
    });

    const restored = await ctx.db.transaction((tx) =>
      restoreSystem(tx, s.programmeId, event!.before)
    );
    expect(restored).toEqual({ ok: true, id, serviceAreaCleared: false, contractsMissing: 0 });
    expect(await rowOf(id)).toEqual(original);
    expect(
      await ctx.db.select().from(contractSystems).where(eq(contractSystems.systemId, id))
    ).toEqual([{ contractId: contract!.id, systemId: id }]);

    const again = await ctx.db.transaction((tx) => restoreSystem(tx, s.programmeId, event!.before));
    expect(again).toEqual({ ok: false, message: 'Renamed ERP has already been restored' });
  });

  it('explains why a system cannot be restored, and writes nothing', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const { id, url } = await added(s);
    await app.post(`${url}/delete`, { version: '1' }, { cookie: s.editor });
    const [event] = await eventsOf('system_deleted');
    const restore = (programmeId: string, snapshot: unknown) =>
      ctx.db.transaction((tx) => restoreSystem(tx, programmeId, snapshot));

    expect(await restore(s.programmeId, { name: 'not a snapshot' })).toEqual({
      ok: false,
      message: 'This record is not a deleted system that can be restored'
    });
    expect(await restore('00000000-0000-4000-8000-000000000000', event!.before)).toEqual({
      ok: false,
      message: 'This system was deleted from a different programme'
    });
    await ctx.db.delete(councils).where(eq(councils.id, s.councilIds.matrix));
    expect(await restore(s.programmeId, event!.before)).toEqual({
      ok: false,
      message: 'Corporate ERP cannot be restored because its council has been deleted'
    });
    expect(await rowOf(id)).toBeUndefined();
  });

  it('shows viewers the system but no controls, and refuses their changes', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const { id, url } = await added(s);
    const page = await app.get(url, { cookie: s.viewer });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Corporate ERP');
    expect(html).not.toContain('Change this system');
    expect(html).not.toContain(`${url}/delete`);
    const list = await (await app.get(s.base, { cookie: s.viewer })).text();
    expect(list).toContain(`href="${url}"`);
    expect(list).not.toContain('Add a system');
    expect((await app.get(`${s.base}/new`, { cookie: s.viewer })).status).toBe(403);
    expect((await app.get(`${url}/delete`, { cookie: s.viewer })).status).toBe(403);

    const change = valid(s.councilIds.matrix, { name: 'Viewer was here', version: '1' });
    expect((await app.post(url, change, { cookie: s.viewer })).status).toBe(403);
    expect((await app.post(`${s.base}/new`, change, { cookie: s.viewer })).status).toBe(403);
    const del = await app.post(`${url}/delete`, { version: '1' }, { cookie: s.viewer });
    expect(del.status).toBe(403);
    expect(await rowOf(id)).toMatchObject({ name: 'Corporate ERP', version: 1 });
    expect(
      await ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, 'system'), eq(auditEvents.userId, s.f.users.viewer.id)))
    ).toEqual([]);
  });
});
