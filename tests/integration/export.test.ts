import { parse } from 'csv-parse/sync';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_EMAIL } from '#lib/domain/demo-programme.ts';
import {
  auditEvents,
  contractExtensionOptions,
  contracts,
  councils,
  programmeMembers,
  programmes,
  successions,
  systems,
  users
} from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { programmeBackupText } from '#lib/server/export/index.ts';
import { cookieFor, startTestApp, type TestApp } from './app';
import { createUser } from './factories/users';
import { describeEachDriver } from './harness';
import { countQueries } from './query-count';

const TODAY = '2026-11-27';
const SLUG = 'thornshire-demo';
const FORMULAS = {
  title: '=HYPERLINK("http://evil.example","Click")',
  supplierName: '+44 1632 960000',
  department: '-2+3',
  description: '@SUM(1,2)',
  decisionNotes: '\t=1+1'
};

describeEachDriver('export and backup', (ctx) => {
  let app: TestApp;
  let owner: { id: string; cookie: string };
  let programmeId: string;

  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  beforeEach(async () => {
    await seedDemoIfEmpty(ctx.db, TODAY);
    const [demo] = await ctx.db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    owner = { id: demo!.id, cookie: await cookieFor(ctx.handle, demo!.id) };
    const [programme] = await ctx.db.select().from(programmes).where(eq(programmes.slug, SLUG));
    programmeId = programme!.id;
  });

  async function download(path: string, cookie = owner.cookie) {
    const response = await app.get(path, { cookie });
    expect(response.status, path).toBe(200);
    return response;
  }

  const csvRows = async (path: string, cookie?: string) =>
    parse(await (await download(path, cookie)).text(), { bom: true, columns: true }) as Record<
      string,
      string
    >[];

  async function viewerCookie() {
    const viewer = await createUser(ctx.db);
    await ctx.db
      .insert(programmeMembers)
      .values({ programmeId, userId: viewer.id, role: 'viewer' });
    return cookieFor(ctx.handle, viewer.id);
  }

  function restore(text: string, cookie = owner.cookie, name = '') {
    const form = new FormData();
    form.append('backup', new File([text], 'backup.json', { type: 'application/json' }));
    form.append('name', name);
    return app.request('/programmes/new/restore', {
      method: 'POST',
      headers: { cookie, origin: 'http://vd.test', accept: 'text/html' },
      body: form
    });
  }

  const tableCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries({ programmes, councils, contracts, systems, auditEvents, successions }).map(
          async ([name, table]) => [name, (await ctx.db.select({ n: count() }).from(table))[0]!.n]
        )
      )
    );

  it('exports only the contracts the filters show, in the list order, as CSV', async () => {
    // The council with the most contracts: a filter that keeps some and drops others.
    const [council] = await ctx.db
      .select({ id: councils.id, name: councils.name, n: count() })
      .from(councils)
      .innerJoin(contracts, eq(contracts.councilId, councils.id))
      .where(eq(councils.programmeId, programmeId))
      .groupBy(councils.id, councils.name)
      .orderBy(desc(count()), asc(councils.name))
      .limit(1);
    const all = await csvRows(`/programmes/${SLUG}/export/contracts`);
    const total = (
      await ctx.db
        .select({ n: count() })
        .from(contracts)
        .where(eq(contracts.programmeId, programmeId))
    )[0]!.n;
    expect(all).toHaveLength(total);

    const filtered = await csvRows(
      `/programmes/${SLUG}/export/contracts?format=csv&council=${council!.id}&sort=supplier&page=2`
    );
    const inCouncil = (
      await ctx.db
        .select({ n: count() })
        .from(contracts)
        .where(eq(contracts.councilId, council!.id))
    )[0]!.n;
    expect(inCouncil).toBeGreaterThan(0);
    expect(inCouncil).toBeLessThan(total);
    // Every page of the filtered list, not just page 2, and nothing from other councils.
    expect(filtered).toHaveLength(inCouncil);
    expect(new Set(filtered.map((r) => r.Council))).toEqual(new Set([council!.name]));
    const suppliers = filtered.map((r) => r.Supplier!);
    expect(suppliers).toEqual([...suppliers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(filtered[0]!['End date (as let)']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(filtered.find((r) => r['Annual value (£)'])!['Annual value (£)']).toMatch(
      /^\d+\.\d{2}$/
    );
  });

  it('exports systems with the list filters, and a viewer may download them', async () => {
    const cookie = await viewerCookie();
    const critical = await csvRows(`/programmes/${SLUG}/export/systems?critical=yes`, cookie);
    const n = (
      await ctx.db
        .select({ n: count() })
        .from(systems)
        .where(and(eq(systems.programmeId, programmeId), eq(systems.dayOneCritical, true)))
    )[0]!.n;
    expect(critical).toHaveLength(n);
    expect(n).toBeGreaterThan(0);
    expect(new Set(critical.map((r) => r['Critical on day one']))).toEqual(new Set(['Yes']));
    // …but not the backup, which is the owners' copy of the whole programme.
    expect((await app.get(`/programmes/${SLUG}/export/backup`, { cookie })).status).toBe(403);
  });

  it('downloads with a file name and type, in a fixed number of queries', async () => {
    const response = await download(`/programmes/${SLUG}/export/contracts?format=xlsx`);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="thornshire-demo-contracts-\d{4}-\d{2}-\d{2}\.xlsx"$/
    );
    const { contractsExport } = await import('#lib/server/export/index.ts');
    const { parseContractFilters } = await import('#lib/schemas/contract-filters.ts');
    const counted = await countQueries(ctx.handle, () =>
      contractsExport(ctx.db, programmeId, parseContractFilters(new URLSearchParams()), {
        today: TODAY,
        vestingDate: '2028-04-01'
      })
    );
    expect(counted.queries).toBe(3);
  });

  it('neutralises formula cells: an apostrophe in CSV, a text cell in Excel', async () => {
    const [council] = await ctx.db
      .select({ id: councils.id })
      .from(councils)
      .where(eq(councils.programmeId, programmeId))
      .limit(1);
    await ctx.db.insert(contracts).values({
      programmeId,
      councilId: council!.id,
      reference: 'INJECT-1',
      endDate: '2028-02-29',
      annualValuePence: 123_456,
      ...FORMULAS
    });
    const query = `/programmes/${SLUG}/export/contracts?q=INJECT-1`;
    const [row] = await csvRows(query);
    expect(row).toMatchObject({
      Title: `'${FORMULAS.title}`,
      Supplier: `'${FORMULAS.supplierName}`,
      Department: `'${FORMULAS.department}`,
      Description: `'${FORMULAS.description}`,
      'Decision notes': `'${FORMULAS.decisionNotes}`,
      'End date (as let)': '2028-02-29',
      'Annual value (£)': '1234.56'
    });

    const xlsx = Buffer.from(await (await download(`${query}&format=xlsx`)).arrayBuffer());
    const [header, cells] = await readSheet(xlsx, { trim: false });
    const cell = (name: string) => cells![header!.indexOf(name)];
    expect(cell('Title')).toBe(FORMULAS.title);
    expect(cell('Supplier')).toBe(FORMULAS.supplierName);
    expect(cell('Department')).toBe(FORMULAS.department);
    expect(cell('Description')).toBe(FORMULAS.description);
    expect(cell('Decision notes')).toBe(FORMULAS.decisionNotes);
    expect(cell('Annual value (£)')).toBe(1234.56);
    expect(cell('End date (as let)')).toEqual(new Date(Date.UTC(2028, 1, 29)));
  });

  it('backs up the demo programme, restores it as a new one, and backs that up byte for byte', async () => {
    await enrichDemo();
    const first = await (await download(`/programmes/${SLUG}/export/backup`)).text();
    expect(JSON.parse(first)).toMatchObject({ format: 'vesting-day-backup', version: 1 });
    // Two backups of an unchanged programme are identical: nothing in the file is volatile.
    expect(await programmeBackupText(ctx.db, programmeId)).toBe(first);

    const response = await restore(first);
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const slug = /^\/programmes\/([^/?]+)\?restored=1$/.exec(location)![1]!;
    expect(slug).not.toBe(SLUG);
    const second = await (await download(`/programmes/${slug}/export/backup`)).text();
    expect(second).toBe(first);

    const [created] = await ctx.db.select().from(programmes).where(eq(programmes.slug, slug));
    expect(
      await ctx.db
        .select()
        .from(programmeMembers)
        .where(eq(programmeMembers.programmeId, created!.id))
    ).toEqual([expect.objectContaining({ userId: owner.id, role: 'owner' })]);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.programmeId, created!.id), eq(auditEvents.action, 'programme_restored'))
      );
    expect(event?.after).toMatchObject({ source: 'backup', fileName: 'backup.json' });
    expect((event?.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets anyone signed in restore, as the owner of the new programme under a name they choose', async () => {
    const text = await programmeBackupText(ctx.db, programmeId);
    const stranger = await createUser(ctx.db);
    const response = await restore(
      text,
      await cookieFor(ctx.handle, stranger.id),
      'Rehearsal copy'
    );
    expect(response.headers.get('location')).toBe('/programmes/rehearsal-copy?restored=1');
    const [created] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, 'rehearsal-copy'));
    expect(created?.name).toBe('Rehearsal copy');
    const members = await ctx.db
      .select()
      .from(programmeMembers)
      .where(eq(programmeMembers.programmeId, created!.id));
    expect(members).toEqual([expect.objectContaining({ userId: stranger.id, role: 'owner' })]);
  });

  it.each([
    ['binary garbage', () => '\u0000\u00ff\u00feGIF89a', /not a Vesting Day backup/],
    ['a CSV export', () => 'Council,Reference\r\nA,B\r\n', /not a Vesting Day backup/],
    ['another JSON file', () => '{"name":"package","version":"1.0.0"}', /not a Vesting Day backup/],
    [
      'a newer version',
      (b: string) => b.replace('"version": 1,', '"version": 7,'),
      /newer version/
    ],
    [
      'a broken reference',
      (b: string) => b.replace('"council": "council-1"', '"council": "council-99"'),
      /do not fit together/
    ],
    ['a truncated file', (b: string) => b.slice(0, b.length / 2), /not a Vesting Day backup/]
  ])('refuses %s with a clear message and writes nothing', async (_label, make, message) => {
    const text = make(await programmeBackupText(ctx.db, programmeId));
    const before = await tableCounts();
    const response = await restore(text);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(message);
    expect(html).toContain('Nothing was saved');
    expect(await tableCounts()).toEqual(before);
  });

  it('asks for a file when none is chosen', async () => {
    const form = new FormData();
    form.append('name', '');
    const response = await app.request('/programmes/new/restore', {
      method: 'POST',
      headers: { cookie: owner.cookie, origin: 'http://vd.test', accept: 'text/html' },
      body: form
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Choose a backup file');
  });

  /** Fields the demo leaves empty, so the round trip covers every column and odd text. */
  async function enrichDemo() {
    const rows = await ctx.db
      .select({ id: contracts.id })
      .from(contracts)
      .where(eq(contracts.programmeId, programmeId))
      .limit(2);
    await ctx.db
      .update(contracts)
      .set({
        lgrTreatment: 'extend',
        decisionDate: '2026-10-01',
        decisionNotes: 'Extend by “one year” – agreed at board.\nSecond line, £12,000 saving?',
        description: '=Not a formula',
        reviewDate: '2027-01-31',
        maxEndDate: '2030-03-31',
        totalValuePence: 9_999_999,
        supplierCompanyNumber: '01234567'
      })
      .where(eq(contracts.id, rows[0]!.id));
    await ctx.db
      .insert(contractExtensionOptions)
      .values({ contractId: rows[1]!.id, position: 7, lengthMonths: 6, exercised: true })
      .onConflictDoNothing();
    await ctx.db.update(successions).set({ note: 'Split by ward' });
  }
});
