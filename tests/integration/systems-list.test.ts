import { beforeAll, expect, it } from 'vitest';
import { serviceAreas } from '#lib/server/db/schema/index.ts';
import { bumpRevision } from '#lib/server/revisions.ts';
import { listSystems, systemFilterOptions, systemsMatrix } from '#lib/server/systems/index.ts';
import { describeEachDriver } from './harness';
import { statementCounter } from './query-count';
import { startTestApp, type TestApp } from './app';
import { createSystemsFixtures, insertSystems, type SystemRowInput } from './factories/systems';

describeEachDriver('the systems list and matrix', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  type Fixtures = Awaited<ReturnType<typeof createSystemsFixtures>>;
  const row = (s: Fixtures, name: string, rest: Partial<SystemRowInput> = {}): SystemRowInput => ({
    programmeId: s.programmeId,
    councilId: s.councilIds.matrix,
    name,
    ...rest
  });

  /** Six systems that differ in every filterable way. */
  async function varied(s: Fixtures) {
    await insertSystems(ctx.db, [
      row(s, 'Payroll', {
        vendor: 'Zeta Ltd',
        hosting: 'saas',
        annualCostPence: 500_00,
        serviceAreaId: s.areaIds.finance,
        dayOneCritical: true,
        timeDisposition: 'invest'
      }),
      row(s, 'ledger', {
        councilId: s.councilIds.north,
        vendor: 'Alpha plc',
        product: 'Civic Ledger',
        hosting: 'on_premises',
        annualCostPence: 90_000_00,
        serviceAreaId: s.areaIds.finance,
        timeDisposition: 'migrate'
      }),
      row(s, 'Bins', {
        councilId: s.councilIds.south,
        vendor: 'Alpha plc',
        hosting: 'hosted',
        serviceAreaId: s.areaIds.waste,
        dayOneCritical: true
      }),
      row(s, '100% uptime portal', { councilId: s.councilIds.south, annualCostPence: 1_00 }),
      row(s, 'a_b index', { product: 'Ledger Lite' }),
      row(s, 'axb index')
    ]);
  }

  const names = async (s: Fixtures, filters: Parameters<typeof listSystems>[2]) =>
    (await listSystems(ctx.db, s.programmeId, filters)).rows.map((r) => r.name);

  it('filters on the server by council, service area, vendor, hosting, TIME and day one', async () => {
    const s = await createSystemsFixtures(ctx.db);
    await varied(s);
    expect(await names(s, { council: s.councilIds.south })).toEqual(['100% uptime portal', 'Bins']);
    expect(await names(s, { serviceArea: s.areaIds.finance })).toEqual(['ledger', 'Payroll']);
    expect(await names(s, { serviceArea: 'none' })).toEqual([
      '100% uptime portal',
      'a_b index',
      'axb index'
    ]);
    expect(await names(s, { vendor: 'Alpha plc' })).toEqual(['Bins', 'ledger']);
    expect(await names(s, { hosting: 'saas' })).toEqual(['Payroll']);
    expect(await names(s, { time: 'migrate' })).toEqual(['ledger']);
    expect(await names(s, { critical: 'yes' })).toEqual(['Bins', 'Payroll']);
    expect(await names(s, { critical: 'yes', vendor: 'Alpha plc' })).toEqual(['Bins']);
    const options = await systemFilterOptions(ctx.db, s.programmeId);
    expect(options.vendors).toEqual(['Alpha plc', 'Zeta Ltd']);
    expect(options.councils.map((c) => c.name)).toEqual([
      'Matrix District Council',
      'North District Council',
      'South District Council',
      'Matrix Unitary Council'
    ]);
  });

  it('searches name, product and vendor, with % and _ meaning themselves', async () => {
    const s = await createSystemsFixtures(ctx.db);
    await varied(s);
    expect(await names(s, { q: 'LEDGER' })).toEqual(['a_b index', 'ledger']);
    expect(await names(s, { q: 'alpha' })).toEqual(['Bins', 'ledger']);
    expect(await names(s, { q: '%' })).toEqual(['100% uptime portal']);
    expect(await names(s, { q: '_' })).toEqual(['a_b index']);
    expect(await names(s, { q: 'a_b' })).toEqual(['a_b index']);
    expect(await names(s, { q: '\\' })).toEqual([]);
  });

  it('sorts by name, council, vendor and cost both ways, unknowns last', async () => {
    const s = await createSystemsFixtures(ctx.db);
    await varied(s);
    expect(await names(s, { sort: 'name', dir: 'desc' })).toEqual([
      'Payroll',
      'ledger',
      'Bins',
      'axb index',
      'a_b index',
      '100% uptime portal'
    ]);
    expect((await names(s, { sort: 'council' })).slice(0, 3)).toEqual([
      'a_b index',
      'axb index',
      'Payroll'
    ]);
    expect(await names(s, { sort: 'cost', dir: 'desc' })).toEqual([
      'ledger',
      'Payroll',
      '100% uptime portal',
      'a_b index',
      'axb index',
      'Bins'
    ]);
    expect((await names(s, { sort: 'cost' })).slice(0, 3)).toEqual([
      '100% uptime portal',
      'Payroll',
      'ledger'
    ]);
    expect((await names(s, { sort: 'vendor', dir: 'desc' })).slice(0, 3)).toEqual([
      'Payroll',
      'Bins',
      'ledger'
    ]);
  });

  it('pages 25 at a time, keeping the filters and sort in every link', async () => {
    const s = await createSystemsFixtures(ctx.db);
    await insertSystems(
      ctx.db,
      Array.from({ length: 60 }, (_, i) =>
        row(s, `System ${String(i).padStart(2, '0')}`, { councilId: s.councilIds.north })
      )
    );
    await insertSystems(ctx.db, [row(s, 'Elsewhere')]);
    const filters = { council: s.councilIds.north };
    const third = await listSystems(ctx.db, s.programmeId, { ...filters, page: 3 });
    expect(third).toMatchObject({ total: 60, page: 3, pageCount: 3 });
    expect(third.rows.map((r) => r.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `System ${50 + i}`)
    );
    expect((await listSystems(ctx.db, s.programmeId, { ...filters, page: 99 })).page).toBe(3);

    const response = await app.get(
      `${s.base}?council=${s.councilIds.north}&sort=name&dir=desc&page=2&junk=1`,
      { cookie: s.viewer }
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Systems (page 2 of 3) – Matrix programme – Vesting Day</title>');
    expect(html).toContain('Showing 26 to 50 of 60 systems that match the filters.');
    expect(html).toContain('System 34');
    expect(html).not.toContain('System 35');
    expect(html).not.toContain('Elsewhere');
    expect(html).toContain(
      `href="${s.base}?council=${s.councilIds.north}&amp;dir=desc&amp;page=3" rel="next"`
    );
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('Next<span class="govuk-visually-hidden"> page</span>');
    const bad = await app.get(`${s.base}?council=E07000223&sort=drop&page=-4`, {
      cookie: s.viewer
    });
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('Showing 1 to 25 of 61 systems.');
  });

  it('runs the same number of statements for 5 systems as for 205', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const many = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) =>
        row(s, `System ${from + i}`, {
          councilId: [s.councilIds.matrix, s.councilIds.north, s.councilIds.south][i % 3]!,
          serviceAreaId: i % 2 ? s.areaIds.finance : null,
          vendor: `Vendor ${i % 7}`,
          product: `Product ${i % 4}`
        })
      );
    const measure = async () => {
      const counter = statementCounter(ctx.db, ctx.driver);
      try {
        await listSystems(ctx.db, s.programmeId, { q: 'system', sort: 'council', page: 2 });
        const direct = counter.count;
        await systemsMatrix(ctx.db, s.programmeId);
        const matrix = counter.count - direct;
        const page = await app.get(`${s.base}?sort=vendor&page=2`, { cookie: s.editor });
        expect(page.status).toBe(200);
        const matrixPage = await app.get(`${s.base}/matrix`, { cookie: s.editor });
        expect(matrixPage.status).toBe(200);
        return { direct, matrix, pages: counter.count - direct - matrix };
      } finally {
        counter.stop();
      }
    };
    await insertSystems(ctx.db, many(5, 0));
    const small = await measure();
    await insertSystems(ctx.db, many(200, 5));
    // As an audited change would: the matrix page computes once per programme revision.
    await bumpRevision(ctx.db, s.programmeId);
    const large = await measure();
    // A count and a page; the matrix's councils, service areas and systems.
    expect(small).toMatchObject({ direct: 2, matrix: 3 });
    expect(large).toEqual(small);
  });

  it('compares products across councils by service area', async () => {
    const s = await createSystemsFixtures(ctx.db);
    const { finance, waste } = s.areaIds;
    await insertSystems(ctx.db, [
      row(s, 'Financials', { product: 'Civic Ledger', serviceAreaId: finance }),
      row(s, 'Payments', { serviceAreaId: finance }),
      row(s, 'ERP', {
        councilId: s.councilIds.north,
        product: 'Ledgerline ERP',
        serviceAreaId: finance
      }),
      row(s, 'Ledger', {
        councilId: s.councilIds.south,
        product: 'Civic Ledger',
        serviceAreaId: finance
      }),
      row(s, 'Rounds', { product: 'Bartec', serviceAreaId: waste }),
      row(s, 'Intranet', { councilId: s.councilIds.south, product: 'SharePoint' })
    ]);
    const matrix = await systemsMatrix(ctx.db, s.programmeId);
    expect(matrix.councils.map((c) => c.name)).toEqual([
      'Matrix District Council',
      'North District Council',
      'South District Council'
    ]);
    expect(
      matrix.rows.map((r) => [r.serviceArea?.name ?? null, r.cells, r.distinctProducts])
    ).toEqual([
      ['Libraries', [[], [], []], 0],
      ['Waste', [['Bartec'], [], []], 1],
      ['Finance', [['Civic Ledger', 'Payments'], ['Ledgerline ERP'], ['Civic Ledger']], 3],
      [null, [[], [], ['SharePoint']], 1]
    ]);

    const html = await (await app.get(`${s.base}/matrix`, { cookie: s.viewer })).text();
    expect(html).toContain('<title>Systems matrix – Matrix programme – Vesting Day</title>');
    expect(html).toMatch(/<caption[^>]*>\s*Products by service area and council\s*<\/caption>/);
    expect(html).toContain(
      '<th scope="col" class="govuk-table__header">North District Council</th>'
    );
    expect(html.match(/None recorded/g)).toHaveLength(7);
    expect(html).toContain('No service area recorded');
  });

  it('pages the matrix ten service areas at a time, each row whole, and shows a change at once', async () => {
    const s = await createSystemsFixtures(ctx.db);
    // 3 fixture areas + 20 more, and systems with none: 24 rows, three pages.
    await ctx.db.insert(serviceAreas).values(
      Array.from({ length: 20 }, (_, i) => ({
        programmeId: s.programmeId,
        name: `Area ${String(i + 1).padStart(2, '0')}`,
        category: 'service' as const
      }))
    );
    await insertSystems(ctx.db, [
      row(s, 'Financials', { product: 'Civic Ledger', serviceAreaId: s.areaIds.finance }),
      row(s, 'Intranet', { councilId: s.councilIds.south, product: 'SharePoint' })
    ]);
    const get = async (query: string) => {
      const response = await app.get(`${s.base}/matrix${query}`, { cookie: s.viewer });
      expect(response.status).toBe(200);
      return response.text();
    };
    const bodyRows = (html: string) =>
      [...html.matchAll(/<th scope="row" class="govuk-table__header">([^<]*)<\/th>/g)].map(
        (m) => m[1]
      );

    const first = await get('');
    expect(first).toContain(
      '<title>Systems matrix (page 1 of 3) – Matrix programme – Vesting Day</title>'
    );
    expect(first).toContain('Showing service areas 1 to 10 of 24.');
    expect(bodyRows(first)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Area ${String(i + 1).padStart(2, '0')}`)
    );
    // Every council is a column on every page.
    expect(first).toContain(
      '<th scope="col" class="govuk-table__header">South District Council</th>'
    );
    expect(first).toContain('<nav class="govuk-pagination" aria-label="Systems matrix pages">');
    expect(first).toContain(`href="${s.base}/matrix?page=2"`);

    const last = await get('?page=3');
    expect(last).toContain('Showing service areas 21 to 24 of 24.');
    expect(bodyRows(last)).toEqual(['Libraries', 'Waste', 'Finance', 'No service area recorded']);
    expect(last).toContain('Civic Ledger');
    expect(last).toContain('SharePoint');
    expect(last).toContain(`href="${s.base}/matrix"`);

    // A page number from a hand-edited address is never an error.
    expect(bodyRows(await get('?page=99'))).toEqual(bodyRows(last));
    expect(bodyRows(await get('?page=-2'))).toEqual(bodyRows(first));
    expect(bodyRows(await get('?page=abc'))).toEqual(bodyRows(first));

    // A system added through the app shows on the next load, though the page was cached.
    const added = await app.post(
      `${s.base}/new`,
      {
        councilId: s.councilIds.north,
        serviceAreaId: s.areaIds.finance,
        name: 'Ledger',
        product: 'Ledgerline ERP'
      },
      { cookie: s.editor }
    );
    expect(added.status).toBe(303);
    expect(await get('?page=3')).toContain('Ledgerline ERP');
  });
});
