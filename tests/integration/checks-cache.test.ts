import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayUtc } from '#lib/domain/dates.ts';
import { findContract } from '#lib/server/contracts/queries.ts';
import { parseContractForm } from '#lib/server/contracts/form.ts';
import { contracts, programmes } from '#lib/server/db/schema/index.ts';
import { updateContract } from '#lib/server/contracts/writes.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, type AccessFixtures } from './factories/access';
import { statementCounter } from './query-count';

/**
 * The readiness checks are computed once per programme revision (src/lib/server/checks/cache.ts).
 * A change must show on the next page load, whoever made it and through whichever copy of the
 * server code: the cache is checked against the database, not trusted.
 */
describeEachDriver('readiness cache', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  const today = todayUtc();
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];

  async function setup() {
    const f = await createAccessFixtures(ctx.db);
    // Before any page has been seen: a contract far beyond vesting day is no finding.
    await ctx.db
      .update(contracts)
      .set({ endDate: '2045-01-01', lgrTreatment: 'undecided' })
      .where(eq(contracts.id, f.contractId));
    const viewer = (await f.cookieFor('viewer'))!;
    const checkPage = async () => {
      const counter = statementCounter(ctx.db, ctx.driver);
      try {
        const response = await app.get(`/programmes/${f.programmeSlug}/checks/contracts`, {
          cookie: viewer
        });
        expect(response.status).toBe(200);
        return { html: await response.text(), statements: counter.count };
      } finally {
        counter.stop();
      }
    };
    const link = `href="/programmes/${f.programmeSlug}/contracts/${f.contractId}"`;
    return { f, checkPage, link };
  }

  const editForm = (f: AccessFixtures, version: string) => ({
    councilId: f.councilId,
    reference: 'CACHE-1',
    title: 'Ends today, undecided',
    supplierName: 'Matrix Ltd',
    'endDate-day': String(day),
    'endDate-month': String(month),
    'endDate-year': String(year),
    lgrTreatment: 'undecided',
    version
  });

  it('shows an edit made through the app on the very next load, and reuses the result until then', async () => {
    const { f, checkPage, link } = await setup();
    const first = await checkPage();
    expect(first.html).not.toContain(link);
    const repeat = await checkPage();
    // Served from the cache: the snapshot's statements are not sent again.
    expect(repeat.statements).toBeLessThan(first.statements);

    const saved = await app.post(
      `/programmes/${f.programmeSlug}/contracts/${f.contractId}`,
      editForm(f, '1'),
      { cookie: (await f.cookieFor('editor'))! }
    );
    expect(saved.status).toBe(303);
    const after = await checkPage();
    expect(after.html).toContain(link);
    expect(after.statements).toBe(first.statements);
  });

  it('shows a change made by another copy of the server code (another process) at once', async () => {
    const { f, checkPage, link } = await setup();
    expect((await checkPage()).html).not.toContain(link);
    // The test's own import of the server code is not the built app's: its cache is not ours,
    // as another server process's would not be. Only the database connects the two.
    const [programme] = await ctx.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, f.programmeSlug));
    const before = await findContract(ctx.db, programme!.id, f.contractId);
    const form = new FormData();
    for (const [name, value] of Object.entries(editForm(f, String(before!.version))))
      form.append(name, value);
    const parsed = parseContractForm(form);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = await updateContract(
      ctx.db,
      { id: f.users.editor.id, email: f.users.editor.email, displayName: 'Editor', isAdmin: false },
      programme!.id,
      f.contractId,
      before!.version,
      parsed.input,
      null
    );
    expect(result.ok).toBe(true);
    expect((await checkPage()).html).toContain(link);
  });
});
