import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_EMAIL } from '#lib/domain/demo-programme.ts';
import { addMonths, todayUtc } from '#lib/domain/dates.ts';
import { RUNWAY_LIMIT } from '#lib/server/contracts/runway.ts';
import {
  contractExtensionOptions,
  contracts,
  councils,
  programmes,
  users
} from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { describeEachDriver } from './harness';
import { cookieFor, startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';
import { statementCounter } from './query-count';

describeEachDriver('contract runway', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const today = todayUtc();

  async function demo() {
    await seedDemoIfEmpty(ctx.db, today);
    const [user] = await ctx.db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    const [programme] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, 'thornshire-demo'));
    const [council] = await ctx.db
      .select()
      .from(councils)
      .where(eq(councils.programmeId, programme!.id));
    return {
      cookie: await cookieFor(ctx.handle, user!.id),
      programme: programme!,
      councilId: council!.id,
      path: '/programmes/thornshire-demo/contracts/runway'
    };
  }

  async function statementsFor(path: string, cookie: string) {
    const counter = statementCounter(ctx.db, ctx.driver);
    try {
      const response = await app.get(path, { cookie });
      expect(response.status).toBe(200);
      return { queries: counter.count, html: await response.text() };
    } finally {
      counter.stop();
    }
  }

  it('draws the demo programme with a bar per running contract, a key and both tables', async () => {
    const d = await demo();
    const { html } = await statementsFor(d.path, d.cookie);
    expect(html).toContain('<h1 class="govuk-heading-l">Contract runway</h1>');
    // A running demo contract is one link with its whole story as its name.
    expect(html).toMatch(
      /<a class="vd-runway__row" href="\/programmes\/thornshire-demo\/contracts\/[0-9a-f-]{36}" aria-label="TCC-ICT-0142, Undecided: Corporate ERP licence and support, Ledgerline Ltd, Thornshire County Council\. Ends /
    );
    // The demo places every contract's end ahead of today: all six are on the runway.
    expect(html).toContain('6 contracts still running.');
    expect(html.match(/class="vd-runway__row"/g)).toHaveLength(6);
    expect(html).toContain('Vesting day</text>');
    expect(html).toContain('Show the runway as a table');
    expect(html).toContain('Contracts and annual value ending each quarter');
    expect(html).toContain('Extension option still available');
  });

  it('runs the same number of queries for the demo as for hundreds more contracts, and caps the bars', async () => {
    const d = await demo();
    const small = await statementsFor(d.path, d.cookie);
    const extra = Array.from({ length: RUNWAY_LIMIT + 50 }, (_, i) => ({
      programmeId: d.programme.id,
      councilId: d.councilId,
      reference: `BULK-${String(i).padStart(4, '0')}`,
      title: `Bulk contract ${i}`,
      supplierName: `Supplier ${i % 9}`,
      endDate: addMonths(today, 1 + (i % 40)),
      noticePeriodValue: 3,
      noticePeriodUnit: 'months' as const,
      annualValuePence: 1_000_00 * (i + 1)
    }));
    const inserted = await ctx.db.insert(contracts).values(extra).returning({ id: contracts.id });
    await ctx.db.insert(contractExtensionOptions).values(
      inserted.map((c, i) => ({
        contractId: c.id,
        position: 0,
        lengthMonths: 12,
        exercised: i % 2 === 0
      }))
    );
    const large = await statementsFor(d.path, d.cookie);
    expect(large.queries).toBe(small.queries);
    expect(small.queries).toBeLessThanOrEqual(12);
    const running = RUNWAY_LIMIT + 50 + 6;
    expect(large.html).toContain(
      `Showing the ${RUNWAY_LIMIT} soonest-ending of ${running} contracts.`
    );
    expect(large.html.match(/class="vd-runway__row"/g)).toHaveLength(RUNWAY_LIMIT);
  });

  it('filters by council, decision and end date in the query string, and groups by supplier', async () => {
    const f = await createAccessFixtures(ctx.db);
    const cookie = (await f.cookieFor('viewer'))!;
    const [programme] = await ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    await ctx.db
      .update(contracts)
      .set({ endDate: addMonths(today, 2) })
      .where(eq(contracts.id, f.contractId));
    await ctx.db.insert(contracts).values([
      {
        programmeId: programme!.id,
        councilId: f.successorCouncilId,
        reference: 'UN-1',
        title: 'Unitary payroll',
        supplierName: 'Paywise Ltd',
        endDate: addMonths(today, 20),
        lgrTreatment: 'extend',
        annualValuePence: 50_000_00
      },
      {
        programmeId: programme!.id,
        councilId: f.councilId,
        reference: 'NO-END',
        title: 'Open-ended support',
        supplierName: 'Matrix Ltd'
      }
    ]);
    const base = `/programmes/${f.programmeSlug}/contracts/runway`;
    const bars = async (query: string) => {
      const html = await (await app.get(`${base}${query}`, { cookie })).text();
      return {
        html,
        references: [...html.matchAll(/class="vd-runway__row"[^>]*aria-label="([^,:]+), /g)].map(
          (m) => m[1]
        )
      };
    };
    const all = await bars('');
    expect(all.references).toEqual(['MX-1', 'UN-1']);
    expect(all.html).toContain('1 contract has no end date and cannot be drawn');
    expect((await bars(`?council=${f.successorCouncilId}`)).references).toEqual(['UN-1']);
    expect((await bars('?treatment=extend')).references).toEqual(['UN-1']);
    expect((await bars(`?before=${addMonths(today, 12)}`)).references).toEqual(['MX-1']);
    expect((await bars(`?from=${addMonths(today, 12)}`)).references).toEqual(['UN-1']);
    // Bad values are ignored rather than refused: these are shared links.
    expect((await bars('?treatment=bogus&before=2028-02-30&lanes=x')).references).toEqual([
      'MX-1',
      'UN-1'
    ]);
    const bySupplier = await bars('?lanes=supplier');
    expect(bySupplier.html).toContain('Matrix Ltd (1)</text>');
    expect(bySupplier.html).toContain('Paywise Ltd (1)</text>');
    // The cliff counts both, the table says so in words.
    expect(all.html).toMatch(
      /<td class="govuk-table__cell govuk-table__cell--numeric">£50,000<\/td>/
    );
  });

  it("hides a programme's runway from people outside it", async () => {
    const f = await createAccessFixtures(ctx.db);
    const path = `/programmes/${f.programmeSlug}/contracts/runway`;
    expect((await app.get(path, { cookie: await f.cookieFor('outsider') })).status).toBe(404);
    expect(
      (await app.get('/programmes/other/contracts/runway', { cookie: await f.cookieFor('viewer') }))
        .status
    ).toBe(404);
  });
});
