import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { contractExtensionOptions, contracts, systems } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';
import {
  fixture,
  importEvents,
  importFile,
  resultOf,
  uploadFile,
  type ImportSession
} from './factories/imports';

type Spot = Partial<typeof contracts.$inferSelect> & { reference: string; options?: number[] };

const LAYOUTS: [string, number, Spot][] = [
  [
    'layout-a-contract-number.csv',
    5,
    // 04/05/2022 is 4 May: numeric dates are day first.
    {
      reference: 'TDC-002',
      startDate: '2022-05-04',
      totalValuePence: 25_000_000,
      department: 'Environment'
    }
  ],
  [
    'layout-a-windows-1252.csv',
    5,
    { reference: 'TDC-001', totalValuePence: 123_456_789, title: 'Waste collection' }
  ],
  [
    'layout-b-validity-period.xlsx',
    4,
    {
      reference: 'NCC/0001',
      startDate: '2020-04-01',
      endDate: '2027-03-31',
      totalValuePence: 1_500_000_050,
      supplierName: 'Roadworks plc'
    }
  ],
  [
    'layout-b-validity-period.csv',
    4,
    { reference: 'NCC/0002', startDate: '2018-07-01', totalValuePence: 300_000_000 }
  ],
  [
    'layout-c-upper-snake.tsv',
    3,
    {
      reference: 'SCC-10',
      supplierCompanyNumber: '01234567',
      maxEndDate: '2028-03-31',
      noticePeriodValue: 6,
      noticePeriodUnit: 'months',
      annualValuePence: 40_000_000,
      options: [12, 12]
    }
  ],
  [
    // Extendable "Yes" with a maximum end: one option from the current end to that date.
    'layout-c-extendable-yes.csv',
    4,
    { reference: 'SCC-20', maxEndDate: '2028-03-31', options: [24] }
  ],
  [
    'layout-c-extendable-yes.csv',
    4,
    { reference: 'SCC-21', endDate: '2025-08-31', maxEndDate: '2026-02-28', options: [6] }
  ],
  [
    // "Yes" without a maximum end: nothing to measure an option by, so none is recorded.
    'layout-c-extendable-yes.csv',
    4,
    { reference: 'SCC-23', maxEndDate: null, options: [] }
  ],
  [
    'layout-c-upper-snake.xlsx',
    3,
    {
      reference: 'SCC-12',
      noticePeriodValue: 3,
      noticePeriodUnit: 'months',
      annualValuePence: 1_200_000,
      options: [12, 12]
    }
  ]
];

describeEachDriver('import', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function session() {
    const f = await createAccessFixtures(ctx.db);
    const [existing] = await ctx.db.select().from(contracts).where(eq(contracts.id, f.contractId));
    return {
      app,
      cookie: (await f.cookieFor('editor'))!,
      slug: f.programmeSlug,
      councilId: f.councilId,
      programmeId: existing!.programmeId,
      cookieFor: async (actor: 'owner' | 'viewer') => (await f.cookieFor(actor))!
    } satisfies ImportSession & Record<string, unknown>;
  }

  const councilContracts = (councilId: string) =>
    ctx.db.select().from(contracts).where(eq(contracts.councilId, councilId));

  it.each(LAYOUTS)(
    'imports %s, then re-imports it changing nothing (%#)',
    async (name, count, spot) => {
      const s = await session();
      const before = (await councilContracts(s.councilId)).length;
      const bytes = fixture(name);
      const first = await importFile(s, name, bytes);
      expect(await resultOf(ctx.db, first)).toEqual({ added: count, updated: 0, unchanged: 0 });
      expect((await councilContracts(s.councilId)).length).toBe(before + count);

      const { options, ...columns } = spot;
      const [saved] = await ctx.db
        .select()
        .from(contracts)
        .where(and(eq(contracts.councilId, s.councilId), eq(contracts.reference, spot.reference)));
      expect(saved).toMatchObject(columns);
      if (options) {
        const stored = await ctx.db
          .select()
          .from(contractExtensionOptions)
          .where(eq(contractExtensionOptions.contractId, saved!.id))
          .orderBy(contractExtensionOptions.position);
        expect(stored.map((o) => o.lengthMonths)).toEqual(options);
      }

      const [event] = await importEvents(ctx.db);
      expect(event).toMatchObject({ action: 'contracts_imported', entityId: first });
      expect(event!.after).toMatchObject({
        fileName: name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        added: count
      });

      const again = await importFile(s, name, bytes);
      expect(await resultOf(ctx.db, again)).toEqual({ added: 0, updated: 0, unchanged: count });
      expect((await councilContracts(s.councilId)).length).toBe(before + count);
      const result = await app.get(`/programmes/${s.slug}/import/${again}/result`, {
        cookie: s.cookie
      });
      expect(await result.text()).toContain('Import complete');
    }
  );

  it('commits nothing when one row is bad, and says which row and why', async () => {
    const s = await session();
    const before = await councilContracts(s.councilId);
    const uploaded = await uploadFile(s, 'bad.csv', fixture('layout-a-one-bad-row.csv'));
    expect(uploaded.status).toBe(303);
    const id = uploaded.headers.get('location')!.split('/').at(-1)!;
    const preview = await app.get(`/programmes/${s.slug}/import/${id}/preview`, {
      cookie: s.cookie
    });
    const html = await preview.text();
    expect(html).toContain('1 row needs fixing');
    expect(html).toMatch(
      /<td class="govuk-table__cell">6<\/td>\s*<td class="govuk-table__cell">Column F \(Start date\)<\/td>/
    );
    expect(html).toContain('is not a real date');
    const commit = await app.post(
      `/programmes/${s.slug}/import/${id}/preview`,
      {},
      { cookie: s.cookie }
    );
    expect(commit.status).toBe(400);
    expect(await commit.text()).toContain('Nothing was imported');
    expect(await councilContracts(s.councilId)).toEqual(before);
    expect(await importEvents(ctx.db)).toEqual([]);
  });

  it('updates what changed, keeps decisions, and counts added, updated and unchanged', async () => {
    const s = await session();
    await importFile(s, 'a.csv', fixture('layout-a-contract-number.csv'));
    await ctx.db
      .update(contracts)
      .set({ lgrTreatment: 'extend', decisionNotes: 'Agreed at board' })
      .where(and(eq(contracts.councilId, s.councilId), eq(contracts.reference, 'TDC-003')));
    const changed = fixture('layout-a-contract-number.csv')
      .toString('utf8')
      .replace('Revenues and benefits system', 'Revenues and benefits system (council tax)')
      .replace(
        /\r\n,Total.*\r\n/,
        '\r\nTDC-006,Pest control,Pests Ltd,Environment,"£9,000",01/04/2024,31/03/2025\r\n'
      );
    const id = await importFile(s, 'a-v2.csv', Buffer.from(changed, 'utf8'));
    expect(await resultOf(ctx.db, id)).toEqual({ added: 1, updated: 1, unchanged: 4 });
    const [updated] = await ctx.db
      .select()
      .from(contracts)
      .where(and(eq(contracts.councilId, s.councilId), eq(contracts.reference, 'TDC-003')));
    expect(updated).toMatchObject({
      title: 'Revenues and benefits system (council tax)',
      lgrTreatment: 'extend',
      decisionNotes: 'Agreed at board',
      version: 2
    });
  });

  it('lets the person correct the mapping, and refuses one field chosen twice', async () => {
    const s = await session();
    const uploaded = await uploadFile(s, 'b.xlsx', fixture('layout-b-validity-period.xlsx'));
    const id = uploaded.headers.get('location')!.split('/').at(-1)!;
    const page = await app.get(`/programmes/${s.slug}/import/${id}`, { cookie: s.cookie });
    expect(await page.text()).toContain('Validity Period Start');
    const mapping = {
      'column-0': 'reference',
      'column-1': 'title',
      'column-2': 'supplierName',
      'column-3': 'startDate',
      'column-4': 'endDate',
      'column-5': 'totalValue',
      'column-6': ''
    };
    const twice = await app.post(
      `/programmes/${s.slug}/import/${id}`,
      { ...mapping, 'column-6': 'totalValue' },
      { cookie: s.cookie }
    );
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('are both set to Total value');
    const saved = await app.post(`/programmes/${s.slug}/import/${id}`, mapping, {
      cookie: s.cookie
    });
    expect(saved.status).toBe(303);
    await app.post(`/programmes/${s.slug}/import/${id}/preview`, {}, { cookie: s.cookie });
    const [row] = await ctx.db
      .select()
      .from(contracts)
      .where(and(eq(contracts.councilId, s.councilId), eq(contracts.reference, 'NCC/0001')));
    // The original value, as chosen, not the extended one the proposal preferred.
    expect(row!.totalValuePence).toBe(1_200_000_000);
  });

  it('imports a list of systems and matches them by name on re-import', async () => {
    const s = await session();
    const first = await importFile(s, 'systems.csv', fixture('systems-list.csv'), 'systems');
    expect(await resultOf(ctx.db, first)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const [m365] = await ctx.db
      .select()
      .from(systems)
      .where(eq(systems.name, 'Email and collaboration'));
    expect(m365).toMatchObject({
      vendor: 'Microsoft',
      hosting: 'saas',
      users: 1450,
      annualCostPence: 31_000_000,
      timeDisposition: 'invest',
      dayOneCritical: true
    });
    const again = await importFile(s, 'systems.csv', fixture('systems-list.csv'), 'systems');
    expect(await resultOf(ctx.db, again)).toEqual({ added: 0, updated: 0, unchanged: 3 });
  });

  it('refuses a 50 MB upload with a clear message and keeps nothing', async () => {
    const s = await session();
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const response = await uploadFile(s, 'huge.csv', big);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('The file is larger than 20 MB');
  });

  it('keeps an upload to the person who made it', async () => {
    const s = await session();
    const uploaded = await uploadFile(s, 'a.csv', fixture('layout-a-contract-number.csv'));
    const id = uploaded.headers.get('location')!.split('/').at(-1)!;
    const page = `/programmes/${s.slug}/import/${id}`;
    expect((await app.get(page, { cookie: s.cookie })).status).toBe(200);
    const other = await app.get(page, { cookie: await s.cookieFor('owner') });
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('Uploads are kept for 24 hours');
  });
});
