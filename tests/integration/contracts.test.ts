import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { currentEnd, noticeDeadline } from '#lib/domain/contracts.ts';
import { contractFiltersSchema } from '#lib/schemas/contract-filters.ts';
import { auditEvents, contractExtensionOptions, contracts } from '#lib/server/db/schema/index.ts';
import { countContracts, findContract, listContracts } from '#lib/server/contracts/queries.ts';
import { applyBulkTreatment } from '#lib/server/contracts/bulk.ts';
import { restoreContract, type ContractSnapshot } from '#lib/server/contracts/writes.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, type AccessFixtures } from './factories/access';
import { countQueries, statementCounter } from './query-count';

const VESTING = '2028-04-01';
const TODAY = '2027-11-01';
const filters = (over: Record<string, unknown> = {}) => contractFiltersSchema.parse(over);

describeEachDriver('contracts', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    const cookie = (await f.cookieFor('editor'))!;
    const [programme] = await ctx.db.select().from(contracts).where(eq(contracts.id, f.contractId));
    return {
      f,
      cookie,
      programmeId: programme!.programmeId,
      base: `/programmes/${f.programmeSlug}/contracts`
    };
  }

  const fullForm = (f: AccessFixtures, over: Record<string, string> = {}) => ({
    councilId: f.councilId,
    reference: 'C-100',
    title: 'Revenues system support',
    supplierName: 'Tally Software Ltd',
    supplierCompanyNumber: 'sc123456',
    'startDate-day': '1',
    'startDate-month': '4',
    'startDate-year': '2024',
    'endDate-day': '31',
    'endDate-month': '1',
    'endDate-year': '2028',
    noticePeriodValue: '3',
    noticePeriodUnit: 'months',
    'option-0-months': '12',
    'option-0-exercised': 'yes',
    'option-1-months': '12',
    annualValue: '£1.2m',
    lgrTreatment: 'undecided',
    ...over
  });

  it('adds a contract with its dates, options and money, and audits it', async () => {
    const { f, cookie, programmeId, base } = await setup();
    const response = await app.post(`${base}/new`, fullForm(f), { cookie });
    expect(response.status).toBe(303);
    const id = response.headers.get('location')!.split('/').at(-1)!.split('?')[0]!;
    const saved = await findContract(ctx.db, programmeId, id);
    expect(saved).toMatchObject({
      reference: 'C-100',
      supplierCompanyNumber: 'SC123456',
      startDate: '2024-04-01',
      endDate: '2028-01-31',
      noticePeriodValue: 3,
      noticePeriodUnit: 'months',
      annualValuePence: 120_000_000,
      extensionOptions: [
        { lengthMonths: 12, exercised: true },
        { lengthMonths: 12, exercised: false }
      ]
    });
    expect(currentEnd(saved!)).toBe('2029-01-31');
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'contract_created'));
    expect(event).toMatchObject({ entityId: id, userId: f.users.editor.id });
  });

  it('refuses a stale edit with a conflict and keeps the first save', async () => {
    const { f, cookie, programmeId, base } = await setup();
    const url = `${base}/${f.contractId}`;
    const first = await app.post(
      url,
      fullForm(f, { reference: 'MX-1', title: 'First title', version: '1' }),
      { cookie }
    );
    expect(first.status).toBe(303);
    const second = await app.post(
      url,
      fullForm(f, { reference: 'MX-1', title: 'Second title', version: '1' }),
      { cookie }
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Someone else changed this contract while you were editing it');
    expect(html).toContain('Second title');
    expect((await findContract(ctx.db, programmeId, f.contractId))?.title).toBe('First title');
  });

  it('deletes only the version seen, and restores it exactly from the audit log', async () => {
    const { f, cookie, programmeId, base } = await setup();
    await app.post(`${base}/${f.contractId}`, fullForm(f, { reference: 'MX-1', version: '1' }), {
      cookie
    });
    const before = await findContract(ctx.db, programmeId, f.contractId);
    expect(
      (await app.post(`${base}/${f.contractId}/delete`, { version: '1' }, { cookie })).status
    ).toBe(409);
    expect(
      (await app.post(`${base}/${f.contractId}/delete`, { version: '2' }, { cookie })).status
    ).toBe(303);
    expect(await findContract(ctx.db, programmeId, f.contractId)).toBeNull();
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'contract_deleted'));
    const restored = await ctx.db.transaction((tx) =>
      restoreContract(tx, programmeId, event!.before as ContractSnapshot)
    );
    expect(restored).toEqual({ ok: true });
    const after = await findContract(ctx.db, programmeId, f.contractId);
    const strip = (c: typeof after) => ({ ...c, version: 0, createdAt: null, updatedAt: null });
    expect(strip(after)).toEqual(strip(before));
    expect(
      await ctx.db.transaction((tx) =>
        restoreContract(tx, programmeId, event!.before as ContractSnapshot)
      )
    ).toMatchObject({ ok: false });
  });

  it.each([
    [
      { 'endDate-day': '31', 'endDate-month': '2', 'endDate-year': '2027' },
      'End date must be a real date'
    ],
    [{ annualValue: '-500' }, 'cannot be negative'],
    [{ annualValue: '£99bn' }, '£10 billion'],
    [{ title: 'x'.repeat(10_000) }, '300 characters or fewer'],
    [{ reference: '' }, 'Enter the contract reference'],
    [{ supplierCompanyNumber: '123' }, 'Companies House number'],
    [{ 'option-0-months': 'two years' }, 'whole number of months'],
    [{ noticePeriodValue: '-3' }, 'whole number from 0 to 3650'],
    [{ councilId: 'not-a-uuid' }, 'Choose the council'],
    [{ lgrTreatment: 'burn' }, 'Choose what happens'],
    [{ 'startDate-day': '1', 'startDate-month': '1', 'startDate-year': '2030' }, 'start']
  ])('refuses %j with a clear message and writes nothing', async (change, message) => {
    const { f, cookie, base } = await setup();
    const response = await app.post(`${base}/new`, fullForm(f, change), { cookie });
    expect(response.status).toBe(400);
    expect((await response.text()).toLowerCase()).toContain(message.toLowerCase());
    expect(await ctx.db.select().from(contracts)).toHaveLength(1);
  });

  it('renders script typed into text fields as text', async () => {
    const { f, cookie, base } = await setup();
    const response = await app.post(
      `${base}/new`,
      fullForm(f, { title: '<script>alert(1)</script>' }),
      { cookie }
    );
    const page = await app.get(response.headers.get('location')!, { cookie });
    const html = await page.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('computes current end and notice deadline in SQL exactly as the domain does', async () => {
    const { programmeId, f } = await setup();
    const cases = [
      {
        end: '2028-01-31',
        options: [
          [1, true],
          [1, true]
        ],
        notice: [3, 'months']
      },
      { end: '2028-02-29', options: [[12, true]], notice: [30, 'days'] },
      {
        end: '2027-08-31',
        options: [
          [6, true],
          [6, false]
        ],
        notice: [1, 'months']
      },
      { end: '2028-03-31', options: [], notice: [0, 'days'] },
      {
        end: '2028-05-31',
        options: [
          [3, false],
          [9, true]
        ],
        notice: [6, 'months']
      }
    ] as const;
    for (const [i, c] of cases.entries()) {
      const [row] = await ctx.db
        .insert(contracts)
        .values({
          programmeId,
          councilId: f.councilId,
          reference: `SQL-${i}`,
          title: 't',
          supplierName: 's',
          endDate: c.end,
          noticePeriodValue: c.notice[0],
          noticePeriodUnit: c.notice[1]
        })
        .returning({ id: contracts.id });
      if (c.options.length) {
        await ctx.db.insert(contractExtensionOptions).values(
          c.options.map(([lengthMonths, exercised], position) => ({
            contractId: row!.id,
            position,
            lengthMonths,
            exercised
          }))
        );
      }
    }
    const list = await listContracts(ctx.db, programmeId, filters({ q: 'SQL-' }), {
      today: TODAY,
      vestingDate: VESTING
    });
    expect(list.total).toBe(cases.length);
    for (const row of list.rows) {
      const terms = (await findContract(ctx.db, programmeId, row.id))!;
      expect(row.currentEnd, row.reference).toBe(currentEnd(terms));
      expect(row.noticeDeadline, row.reference).toBe(noticeDeadline(terms));
    }
  });

  it('filters: ends around vesting day, notice due, undecided, literal % in search', async () => {
    const { programmeId, f } = await setup();
    await ctx.db.insert(contracts).values([
      {
        programmeId,
        councilId: f.councilId,
        reference: 'NEAR',
        title: '100% uptime',
        supplierName: 's',
        endDate: '2028-09-30',
        lgrTreatment: 'extend'
      },
      {
        programmeId,
        councilId: f.councilId,
        reference: 'FAR',
        title: 'Far away',
        supplierName: 's',
        endDate: '2031-01-01'
      },
      {
        programmeId,
        councilId: f.councilId,
        reference: 'DUE',
        title: 'Due',
        supplierName: 's',
        endDate: '2028-01-15',
        noticePeriodValue: 3,
        noticePeriodUnit: 'months'
      }
    ]);
    const refs = async (over: Record<string, unknown>) =>
      (
        await listContracts(ctx.db, programmeId, filters(over), {
          today: TODAY,
          vestingDate: VESTING
        })
      ).rows
        .map((r) => r.reference)
        .sort();
    expect(await refs({ endsWithin: 6 })).toEqual(['DUE', 'MX-1', 'NEAR']);
    expect(await refs({ endsWithin: 3 })).toEqual(['DUE', 'MX-1']);
    expect(await refs({ notice: 'due' })).toEqual(['DUE']);
    expect(await refs({ undecided: 'yes' })).toEqual(['DUE', 'FAR', 'MX-1']);
    expect(await refs({ q: '100%' })).toEqual(['NEAR']);
    expect(await refs({ q: '%' })).toEqual(['NEAR']);
  });

  it('counts several filtered views in one query, agreeing with the lists', async () => {
    const { programmeId, f } = await setup();
    await ctx.db.insert(contracts).values([
      {
        programmeId,
        councilId: f.councilId,
        reference: 'A',
        title: 'a',
        supplierName: 's',
        endDate: '2028-05-01',
        lgrTreatment: 'extend'
      },
      {
        programmeId,
        councilId: f.councilId,
        reference: 'B',
        title: 'b',
        supplierName: 's',
        endDate: '2027-12-01',
        noticePeriodValue: 1,
        noticePeriodUnit: 'months'
      }
    ]);
    const context = { today: TODAY, vestingDate: VESTING };
    const sets = {
      around: filters({ endsWithin: 6 }),
      due: filters({ notice: 'due' }),
      undecided: filters({ undecided: 'yes' })
    };
    const counted = await countQueries(ctx.handle, () =>
      countContracts(ctx.db, programmeId, sets, context)
    );
    expect(counted.queries).toBe(1);
    for (const [name, f2] of Object.entries(sets)) {
      expect(counted.result[name], name).toBe(
        (await listContracts(ctx.db, programmeId, f2, context)).total
      );
    }
    expect(counted.result).toEqual({ around: 3, due: 1, undecided: 2 });
  });

  it('lists a page in the same number of queries whatever the data size', async () => {
    const { programmeId, f } = await setup();
    const run = () =>
      listContracts(ctx.db, programmeId, filters({ sort: 'deadline' }), {
        today: TODAY,
        vestingDate: VESTING
      });
    const small = await countQueries(ctx.handle, run);
    await ctx.db.insert(contracts).values(
      Array.from({ length: 300 }, (_, i) => ({
        programmeId,
        councilId: f.councilId,
        reference: `BULK-${i}`,
        title: 't',
        supplierName: 's',
        endDate: '2028-06-30'
      }))
    );
    const large = await countQueries(ctx.handle, run);
    expect(large.result.total).toBe(301);
    expect(large.result.rows).toHaveLength(25);
    expect(small.queries).toBeGreaterThan(0);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(3);
  });

  it('computes a list page once per programme revision, and shows a change on the next load', async () => {
    const { f, cookie, base } = await setup();
    const load = async () => {
      const counter = statementCounter(ctx.db, ctx.driver);
      try {
        const response = await app.get(`${base}?undecided=yes&sort=end`, { cookie });
        expect(response.status).toBe(200);
        return { html: await response.text(), statements: counter.count };
      } finally {
        counter.stop();
      }
    };
    const first = await load();
    expect(first.html).not.toContain('C-100');
    const repeat = await load();
    // The list, its count and the council choices are not asked for again.
    expect(repeat.statements).toBeLessThan(first.statements);

    const added = await app.post(`${base}/new`, fullForm(f), { cookie });
    expect(added.status).toBe(303);
    const after = await load();
    expect(after.html).toContain('C-100: Revenues system support');
    expect(after.statements).toBe(first.statements);
  });

  it('applies a bulk decision to exactly what was previewed, or nothing if anything changed', async () => {
    const { programmeId, f } = await setup();
    const actor = {
      id: f.users.editor.id,
      email: f.users.editor.email,
      displayName: 'Editor',
      isAdmin: false
    };
    const stale = await applyBulkTreatment(
      ctx.db,
      actor,
      programmeId,
      [{ id: f.contractId, version: 7 }],
      'extend',
      TODAY,
      null
    );
    expect(stale.ok).toBe(false);
    expect((await findContract(ctx.db, programmeId, f.contractId))?.lgrTreatment).toBe('undecided');
    const applied = await applyBulkTreatment(
      ctx.db,
      actor,
      programmeId,
      [{ id: f.contractId, version: 1 }],
      'extend',
      TODAY,
      null
    );
    expect(applied).toEqual({ ok: true, changed: 1 });
    expect(await findContract(ctx.db, programmeId, f.contractId)).toMatchObject({
      lgrTreatment: 'extend',
      decisionDate: TODAY,
      version: 2
    });
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, 'contract'));
    expect(events.map((e) => e.action).sort()).toEqual([
      'contract_decision',
      'contracts_bulk_decision'
    ]);
  });
});
