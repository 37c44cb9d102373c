import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { contracts, importProgress } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures } from './factories/access';
import { fixture, resultOf, uploadFile, type ImportSession } from './factories/imports';

/** A register of `rows` valid rows in layout A. */
function register(rows: number): Buffer {
  const lines = ['Contract number,Title of agreement,Supplier name,End date'];
  for (let i = 1; i <= rows; i++) lines.push(`PRG-${i},Service ${i},Supplier ${i} Ltd,31/03/2029`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

describeEachDriver('import progress', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function session() {
    const f = await createAccessFixtures(ctx.db);
    return {
      app,
      cookie: (await f.cookieFor('editor'))!,
      ownerCookie: (await f.cookieFor('owner'))!,
      slug: f.programmeSlug,
      councilId: f.councilId
    } satisfies ImportSession & Record<string, unknown>;
  }

  async function upload(s: ImportSession, name: string, bytes: Uint8Array) {
    const response = await uploadFile(s, name, bytes);
    expect(response.status, await response.clone().text()).toBe(303);
    return response.headers.get('location')!.split('/').at(-1)!;
  }

  const progressOf = async (s: ImportSession, id: string, cookie = s.cookie) => {
    const response = await app.get(`/programmes/${s.slug}/import/${id}/progress`, { cookie });
    return { status: response.status, body: response.ok ? await response.json() : null };
  };
  const commit = (s: ImportSession, id: string) =>
    app.post(`/programmes/${s.slug}/import/${id}/preview`, {}, { cookie: s.cookie });
  const progressRows = async () => (await ctx.db.select({ n: count() }).from(importProgress))[0]!.n;

  it('says waiting before the commit, done after it, and leaves no progress behind', async () => {
    const s = await session();
    const id = await upload(s, 'register.csv', register(3));
    expect(await progressOf(s, id)).toEqual({
      status: 200,
      body: { stage: 'waiting', done: 0, total: 3 }
    });
    const committed = await commit(s, id);
    expect(committed.status).toBe(303);
    expect(await progressOf(s, id)).toEqual({
      status: 200,
      body: { stage: 'done', done: 3, total: 3 }
    });
    expect(await progressRows()).toBe(0);
  });

  it('reports the rows written so far while a commit runs', async () => {
    const s = await session();
    const id = await upload(s, 'register.csv', register(5));
    // As the commit writes it from outside its transaction.
    await ctx.db
      .insert(importProgress)
      .values({ importId: id, stage: 'saving', done: 3, total: 5 });
    expect((await progressOf(s, id)).body).toEqual({ stage: 'saving', done: 3, total: 5 });
  });

  it('is only for the person who uploaded the file', async () => {
    const s = await session();
    const id = await upload(s, 'register.csv', register(2));
    expect((await progressOf(s, id, s.ownerCookie)).status).toBe(404);
    expect((await progressOf(s, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await progressOf(s, 'not-an-id')).status).toBe(404);
    const anonymous = await app.get(`/programmes/${s.slug}/import/${id}/progress`);
    expect(anonymous.status, await anonymous.clone().text()).toBe(303);
  });

  it('clears its progress when a commit is refused', async () => {
    const s = await session();
    const id = await upload(s, 'layout-a-one-bad-row.csv', fixture('layout-a-one-bad-row.csv'));
    expect((await commit(s, id)).status).toBe(400);
    expect((await progressOf(s, id)).body).toMatchObject({ stage: 'waiting', done: 0 });
    expect(await progressRows()).toBe(0);
  });

  // PGlite has one connection, which the commit's transaction holds until it ends: nothing
  // else can be read meanwhile, so only PostgreSQL can show a commit half way.
  if (ctx.driver === 'postgres') {
    it('is readable from another connection while the commit transaction is open', async () => {
      const s = await session();
      const rows = 2500;
      const id = await upload(s, 'register.csv', register(rows));
      const before = (await ctx.db.select({ n: count() }).from(contracts))[0]!.n;
      let committed: Promise<Response> | null = null;
      await ctx.db.transaction(async (tx) => {
        // The commit writes every contract, then waits here to write its audit event.
        await tx.execute(sql`lock table audit_events in exclusive mode`);
        committed = commit(s, id);
        await vi.waitFor(
          async () =>
            expect((await progressOf(s, id)).body).toEqual({
              stage: 'saving',
              done: rows,
              total: rows
            }),
          { timeout: 30_000, interval: 20 }
        );
        // Written, not committed: nobody else sees the contracts yet.
        const now = await ctx.db.select({ n: count() }).from(contracts);
        expect(now[0]!.n).toBe(before);
      });
      expect((await committed!).status).toBe(303);
      expect(await resultOf(ctx.db, id)).toEqual({ added: rows, updated: 0, unchanged: 0 });
      expect((await progressOf(s, id)).body).toEqual({ stage: 'done', done: rows, total: rows });
      expect(
        await ctx.db.select().from(importProgress).where(eq(importProgress.importId, id))
      ).toEqual([]);
    });
  }
});
