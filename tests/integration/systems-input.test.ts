import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, programmes, systems } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createSystemsFixtures, insertSystems } from './factories/systems';

const MISSING = '00000000-0000-4000-8000-000000000000';
const SCRIPT = '<script>alert(1)</script>';

describeEachDriver('a system refuses bad input, with a clear message and no 500', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function setup() {
    const s = await createSystemsFixtures(ctx.db);
    const [id] = await insertSystems(ctx.db, [
      { programmeId: s.programmeId, councilId: s.councilIds.matrix, name: 'Payroll' }
    ]);
    return { ...s, id: id!, url: `${s.base}/${id}` };
  }

  const systemCount = async () => (await ctx.db.select({ n: count() }).from(systems))[0]!.n;
  const auditCount = async () => (await ctx.db.select({ n: count() }).from(auditEvents))[0]!.n;

  const long = 'x'.repeat(10_000);
  it.each([
    [{ name: '' }, 'Enter the system’s name'],
    [{ name: '   ' }, 'Enter the system’s name'],
    [{ name: long }, 'Name must be 200 characters or fewer'],
    [{ product: long }, 'Product must be 200 characters or fewer'],
    [{ vendor: long }, 'Vendor must be 200 characters or fewer'],
    [{ lifecycle: long }, 'Lifecycle must be 200 characters or fewer'],
    [{ councilId: 'E07000223' }, 'Choose the council that runs this system'],
    [{ councilId: '' }, 'Choose the council that runs this system'],
    [{ councilId: MISSING }, 'Choose a council from this programme'],
    [{ serviceAreaId: 'E10000002' }, 'Choose a service area from the list'],
    [{ serviceAreaId: MISSING }, 'Choose a service area from this programme'],
    [{ hosting: 'cloud' }, 'Choose how the system is hosted'],
    [{ timeDisposition: 'keep' }, 'Choose a TIME disposition'],
    [{ users: '-4' }, 'Number of users cannot be negative'],
    [{ users: '20000000' }, 'Number of users must be 10,000,000 or fewer'],
    [{ users: 'lots' }, 'Enter the number of users as a whole number, like 250'],
    [{ users: '2.5' }, 'Enter the number of users as a whole number, like 250'],
    [{ annualCost: '-£500' }, 'Annual cost cannot be negative'],
    [{ annualCost: '£20bn' }, 'Annual cost must be £10 billion or less'],
    [{ annualCost: '9'.repeat(10_000) }, 'Annual cost must be £10 billion or less'],
    [{ annualCost: 'about £3k' }, 'Enter annual cost in pounds, like £12,500, 1234.56 or 1.2m'],
    [{ version: 'abc' }, 'The form is out of date: reload the page']
  ])('refuses %j on both forms, writing nothing', async (change, message) => {
    const s = await setup();
    const fields = { name: 'Finance', councilId: s.councilIds.matrix, ...change };
    const before = { systems: await systemCount(), audit: await auditCount() };
    const added = await app.post(`${s.base}/new`, fields, { cookie: s.editor });
    const changed = await app.post(s.url, { version: '1', ...fields }, { cookie: s.editor });
    for (const response of [added, changed]) {
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('There is a problem');
      expect(html).toContain('<title>Error: ');
    }
    expect({ systems: await systemCount(), audit: await auditCount() }).toEqual(before);
    const [row] = await ctx.db.select().from(systems).where(eq(systems.id, s.id));
    expect(row).toMatchObject({ name: 'Payroll', version: 1 });
  });

  it('refuses a change with no version, as out of date', async () => {
    const s = await setup();
    const response = await app.post(
      s.url,
      { name: 'Renamed', councilId: s.councilIds.matrix },
      { cookie: s.editor }
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The form is out of date: reload the page');
    expect((await ctx.db.select().from(systems))[0]).toMatchObject({ name: 'Payroll' });
  });

  it.each([
    ['not-a-uuid', 'a malformed id'],
    [MISSING, 'an id that does not exist'],
    ['%3Cscript%3E', 'markup']
  ])('answers 404 for %s (%s) on every page and action', async (bad) => {
    const s = await setup();
    for (const path of [`${s.base}/${bad}`, `${s.base}/${bad}/delete`]) {
      expect((await app.get(path, { cookie: s.editor })).status).toBe(404);
      const posted = await app.post(
        path,
        { name: 'X', councilId: s.councilIds.matrix, version: '1' },
        { cookie: s.editor }
      );
      expect(posted.status).toBe(404);
    }
    expect(await systemCount()).toBe(1);
    expect(await auditCount()).toBe(0);
  });

  it("answers 404 for another programme's system, and cannot change it", async () => {
    const s = await setup();
    const [other] = await ctx.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, 'other'));
    await ctx.db.update(systems).set({ programmeId: other!.id }).where(eq(systems.id, s.id));
    expect((await app.get(s.url, { cookie: s.editor })).status).toBe(404);
    const fields = { name: 'Taken over', councilId: s.councilIds.matrix, version: '1' };
    expect((await app.post(s.url, fields, { cookie: s.editor })).status).toBe(404);
    const del = await app.post(`${s.url}/delete`, { version: '1' }, { cookie: s.editor });
    expect(del.status).toBe(404);
    expect((await ctx.db.select().from(systems))[0]).toMatchObject({ name: 'Payroll' });
  });

  it('refuses a delete without a usable version', async () => {
    const s = await setup();
    for (const version of ['', 'abc', '-1', '1e99']) {
      const response = await app.post(`${s.url}/delete`, { version }, { cookie: s.editor });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('The form is out of date: reload the page');
    }
    expect(await systemCount()).toBe(1);
  });

  it('shows HTML typed into every text field as text, on every page', async () => {
    const s = await setup();
    const response = await app.post(
      `${s.base}/new`,
      {
        name: SCRIPT,
        councilId: s.councilIds.matrix,
        serviceAreaId: s.areaIds.finance,
        product: `<img src=x onerror=alert(2)>`,
        vendor: `"><svg onload=alert(3)>`,
        lifecycle: SCRIPT,
        users: '12',
        annualCost: '100'
      },
      { cookie: s.editor }
    );
    expect(response.status).toBe(303);
    const page = response.headers.get('location')!.replace(/\?.*$/, '');
    const paths = [
      page,
      `${page}/delete`,
      s.base,
      `${s.base}?q=${encodeURIComponent(SCRIPT)}`,
      `${s.base}/matrix`
    ];
    for (const path of paths) {
      const got = await app.get(path, { cookie: s.editor });
      expect(got.status).toBe(200);
      const html = await got.text();
      expect(html, path).not.toContain('<script>alert(1)');
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<svg onload');
      expect(html, path).toMatch(/&lt;script>alert\(1\)&lt;\/script>|&lt;img src=x/);
    }
    // A bad value that comes back in the form after an error is inert too.
    const refused = await app.post(
      `${s.base}/new`,
      { name: SCRIPT, councilId: 'junk', annualCost: SCRIPT },
      { cookie: s.editor }
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('value="&lt;script>alert(1)&lt;/script>"');
  });
});
