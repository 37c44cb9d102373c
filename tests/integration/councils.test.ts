import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, councils, successions } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';

describeEachDriver('editing a council', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    const [successor] = await ctx.db
      .select()
      .from(councils)
      .where(eq(councils.name, 'Matrix Unitary Council'));
    const url = `/programmes/${f.programmeSlug}/councils/${f.councilId}`;
    return { f, url, successorId: successor!.id, cookie: (await f.cookieFor('editor'))! };
  }

  it('saves the change, its succession links and an audit event with before and after', async () => {
    const { f, url, successorId, cookie } = await setup();
    const response = await app.post(
      url,
      {
        name: 'Renamed District Council',
        role: 'predecessor',
        kind: 'district',
        gssCode: 'e07000223',
        version: '1',
        successors: successorId
      },
      { cookie }
    );
    expect(response.status).toBe(303);
    const [row] = await ctx.db.select().from(councils).where(eq(councils.id, f.councilId));
    expect(row).toMatchObject({
      name: 'Renamed District Council',
      gssCode: 'E07000223',
      version: 2
    });
    expect(await ctx.db.select().from(successions)).toEqual([
      { predecessorId: f.councilId, successorId, note: null }
    ]);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'council_updated'));
    expect(event).toMatchObject({
      userId: f.users.editor.id,
      entityId: f.councilId,
      before: { name: 'Matrix District Council', gssCode: null, successorIds: [] },
      after: { name: 'Renamed District Council', gssCode: 'E07000223', successorIds: [successorId] }
    });
  });

  it('keeps a note on each succession link, shown on the councils page', async () => {
    const { f, url, successorId, cookie } = await setup();
    const response = await app.post(
      url,
      {
        name: 'Matrix District Council',
        role: 'predecessor',
        kind: 'district',
        version: '1',
        successors: successorId,
        [`note-${successorId}`]: 'Parishes north of the river'
      },
      { cookie }
    );
    expect(response.status).toBe(303);
    expect(await ctx.db.select({ note: successions.note }).from(successions)).toEqual([
      { note: 'Parishes north of the river' }
    ]);
    const page = await app.get(`/programmes/${f.programmeSlug}/councils`, { cookie });
    expect(await page.text()).toContain('Matrix Unitary Council (Parishes north of the river)');
  });

  it('refuses a stale edit with a conflict, overwriting nothing', async () => {
    const { f, url, cookie } = await setup();
    const first = await app.post(
      url,
      { name: 'First Save Council', role: 'predecessor', kind: 'district', version: '1' },
      { cookie }
    );
    expect(first.status).toBe(303);
    const second = await app.post(
      url,
      { name: 'Second Save Council', role: 'predecessor', kind: 'county', version: '1' },
      { cookie }
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Someone else changed this council while you were editing it');
    expect(html).toContain('Second Save Council');
    expect(html).toContain('First Save Council');
    const [row] = await ctx.db.select().from(councils).where(eq(councils.id, f.councilId));
    expect(row).toMatchObject({ name: 'First Save Council', kind: 'district', version: 2 });
    const events = await ctx.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(events.filter((e) => e.action === 'council_updated')).toHaveLength(1);
  });

  it.each([
    [{ gssCode: 'W06000001' }, 'GSS code in the correct format'],
    [{ gssCode: 'E05000001' }, 'English council'],
    [{ website: 'javascript:alert(1)' }, 'website address starting https://'],
    [{ m365Tenant: 'not a domain' }, 'tenant domain'],
    [{ name: '' }, 'Enter the council’s name'],
    [{ name: 'x'.repeat(10_000) }, '200 characters or fewer'],
    [{ kind: 'parish' }, 'Choose the kind of council'],
    [{ successors: 'not-a-uuid' }, 'Choose new councils from the list'],
    [
      { successors: '00000000-0000-4000-8000-000000000000' },
      'Choose new councils from this programme'
    ]
  ])('refuses %j with a clear message and writes nothing', async (change, message) => {
    const { f, url, cookie } = await setup();
    const fields = {
      name: 'Matrix District Council',
      role: 'predecessor',
      kind: 'district',
      version: '1',
      ...change
    };
    const response = await app.post(url, fields, { cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    const [row] = await ctx.db.select().from(councils).where(eq(councils.id, f.councilId));
    expect(row).toMatchObject({ name: 'Matrix District Council', version: 1 });
  });

  it('renders HTML typed into a name as text', async () => {
    const { f, url, cookie } = await setup();
    await app.post(
      url,
      { name: '<img src=x onerror=alert(1)>', role: 'predecessor', kind: 'district', version: '1' },
      { cookie }
    );
    const page = await app.get(`/programmes/${f.programmeSlug}/councils`, { cookie });
    const html = await page.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('adds a council, and deletes one only when nothing depends on it', async () => {
    const { f, cookie } = await setup();
    const base = `/programmes/${f.programmeSlug}/councils`;
    const added = await app.post(
      `${base}/new`,
      {
        name: 'Added District Council',
        role: 'predecessor',
        kind: 'district',
        gssCode: 'E07000223'
      },
      { cookie }
    );
    expect(added.status).toBe(303);
    const duplicate = await app.post(
      `${base}/new`,
      { name: 'Added District Council', role: 'predecessor', kind: 'district' },
      { cookie }
    );
    expect(duplicate.status).toBe(400);
    // The district holds the fixture contract: refused, nothing deleted.
    const refused = await app.post(`${base}/${f.councilId}/delete`, { version: '1' }, { cookie });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('still has 1 system and 1 contract');
    expect(await ctx.db.select().from(councils).where(eq(councils.id, f.councilId))).toHaveLength(
      1
    );
    const deleted = await app.post(
      `${base}/${f.successorCouncilId}/delete`,
      { version: '1' },
      { cookie }
    );
    expect(deleted.status).toBe(303);
    expect(
      await ctx.db.select().from(councils).where(eq(councils.id, f.successorCouncilId))
    ).toHaveLength(0);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'council_deleted'));
    expect(event?.before).toMatchObject({ name: 'Matrix Unitary Council' });
  });
});
