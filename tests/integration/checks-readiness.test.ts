import { readSheet } from 'read-excel-file/node';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_EMAIL } from '#lib/domain/demo-programme.ts';
import { todayUtc } from '#lib/domain/dates.ts';
import { evaluateProgramme } from '#lib/server/checks/readiness.ts';
import {
  auditEvents,
  checkSnapshots,
  contracts,
  councils,
  programmes,
  systems,
  users
} from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { bumpRevision } from '#lib/server/revisions.ts';
import { describeEachDriver } from './harness';
import { cookieFor, startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';
import { statementCounter } from './query-count';

describeEachDriver('day-one readiness', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function demo() {
    await seedDemoIfEmpty(ctx.db, todayUtc());
    const [user] = await ctx.db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    const [programme] = await ctx.db.select().from(programmes);
    return { cookie: await cookieFor(ctx.handle, user!.id), programme: programme! };
  }

  it('the demo programme shows every check status at least once', async () => {
    const { programme } = await demo();
    const { results, readiness } = await evaluateProgramme(ctx.db, programme, todayUtc());
    expect(new Set(results.map((r) => r.status))).toEqual(
      new Set(['pass', 'warn', 'fail', 'unknown'])
    );
    expect(readiness.verdict).toBe('not-ready');
    expect(readiness.successors.map((s) => s.name)).toEqual([
      'North Thornshire Council',
      'South Thornshire Council'
    ]);
  });

  it('renders the demo readiness page in a bounded number of queries, whatever its size', async () => {
    const { cookie, programme } = await demo();
    const path = `/programmes/${programme.slug}/checks`;
    await app.get(path, { cookie }); // the first visit of the day also stores the daily snapshot
    const count = async () => {
      // As after any audited change: the checks are computed afresh, not served from the
      // cache (the rows below are inserted directly, without one).
      await bumpRevision(ctx.db, programme.id);
      const counter = statementCounter(ctx.db, ctx.driver);
      try {
        const response = await app.get(path, { cookie });
        expect(response.status).toBe(200);
        return counter.count;
      } finally {
        counter.stop();
      }
    };
    const small = await count();
    const [council] = await ctx.db
      .select()
      .from(councils)
      .where(and(eq(councils.programmeId, programme.id), eq(councils.role, 'predecessor')));
    await ctx.db.insert(systems).values(
      Array.from({ length: 200 }, (_, i) => ({
        programmeId: programme.id,
        councilId: council!.id,
        name: `Extra system ${i}`
      }))
    );
    await ctx.db.insert(contracts).values(
      Array.from({ length: 200 }, (_, i) => ({
        programmeId: programme.id,
        councilId: council!.id,
        reference: `EXTRA-${i}`,
        title: 'Extra',
        supplierName: 'Extra Ltd',
        endDate: '2030-01-01'
      }))
    );
    const large = await count();
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    // Session, programme, its revision, the eleven statements of the snapshot, the trend.
    expect(large).toBeLessThanOrEqual(17);
  });

  it('stores one daily snapshot on the first visit of the day, and an editor can add more', async () => {
    const f = await createAccessFixtures(ctx.db);
    const path = `/programmes/${f.programmeSlug}/checks`;
    const viewer = await f.cookieFor('viewer');
    expect((await app.get(path, { cookie: viewer })).status).toBe(200);
    expect((await app.get(path, { cookie: viewer })).status).toBe(200);
    const daily = await ctx.db
      .select()
      .from(checkSnapshots)
      .where(eq(checkSnapshots.trigger, 'daily'));
    expect(daily).toHaveLength(1);
    expect(daily[0]!.takenOn).toBe(todayUtc());

    expect((await app.post(`${path}?/snapshot`, {}, { cookie: viewer })).status).toBe(403);
    const response = await app.post(
      `${path}?/snapshot`,
      {},
      { cookie: await f.cookieFor('editor') }
    );
    expect(response.status).toBe(303);
    const manual = await ctx.db
      .select()
      .from(checkSnapshots)
      .where(eq(checkSnapshots.trigger, 'manual'));
    expect(manual).toHaveLength(1);
    expect(
      manual[0]!.failCount + manual[0]!.warnCount + manual[0]!.passCount + manual[0]!.unknownCount
    ).toBe(8);
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'check_snapshot_taken'));
    expect(events).toHaveLength(1);
    const html = await (await app.get(path, { cookie: viewer })).text();
    expect(html).toContain('The trend as a table');
    expect(html).toContain('On request');
  });

  it('exports the results as CSV with formula-looking cells neutralised', async () => {
    const f = await createAccessFixtures(ctx.db);
    await ctx.db
      .update(contracts)
      .set({ reference: '@SUM(1)', title: 'Plain', endDate: todayUtc() })
      .where(eq(contracts.id, f.contractId));
    const response = await app.get(`/programmes/${f.programmeSlug}/checks/export`, {
      cookie: await f.cookieFor('viewer')
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    expect(csv).toContain('Overall verdict,Not ready');
    expect(csv).toContain(`,'@SUM(1): Plain (Matrix Ltd),`);
    expect(csv).not.toMatch(/(^|,)@SUM/m);

    const excel = await app.get(`/programmes/${f.programmeSlug}/checks/export?format=xlsx`, {
      cookie: await f.cookieFor('viewer')
    });
    expect(excel.status).toBe(200);
    const sheet = await readSheet(Buffer.from(await excel.arrayBuffer()));
    expect(sheet[0]).toEqual([
      'Check',
      'Status',
      'Summary',
      'Finding',
      'Finding status',
      'Detail',
      'Link'
    ]);
    expect(sheet[1]?.slice(0, 2)).toEqual(['Overall verdict', 'Not ready']);
    // Stored as a text cell, exactly as written: Excel shows it and never evaluates it.
    expect(sheet.some((row) => row[3] === '@SUM(1): Plain (Matrix Ltd)')).toBe(true);
  });

  it('opens a check with its findings linked to the records', async () => {
    const f = await createAccessFixtures(ctx.db);
    await ctx.db
      .update(contracts)
      .set({ endDate: todayUtc() })
      .where(eq(contracts.id, f.contractId));
    const html = await (
      await app.get(`/programmes/${f.programmeSlug}/checks/contracts`, {
        cookie: await f.cookieFor('viewer')
      })
    ).text();
    expect(html).toContain(`href="/programmes/${f.programmeSlug}/contracts/${f.contractId}"`);
    expect(html).toContain('with no decision');
    const missing = await app.get(`/programmes/${f.programmeSlug}/checks/nonsense`, {
      cookie: await f.cookieFor('viewer')
    });
    expect(missing.status).toBe(404);
  });
});
