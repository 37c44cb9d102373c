import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from './harness';
import { startTestApp, cookieFor } from './app';
import { createUser } from './factories/users';

describeEachDriver('the built app in-process', (ctx) => {
  it('serves the sign-in page and guards the programmes list', async () => {
    const app = await startTestApp(ctx.handle);
    // No users yet: sign-in sends the installer to set up the first administrator.
    expect((await app.get('/login')).headers.get('location')).toBe('/setup');
    const user = await createUser(ctx.db);
    const login = await app.get('/login');
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('Sign in to Vesting Day');
    const guarded = await app.get('/programmes');
    expect(guarded.status).toBe(303);
    expect(guarded.headers.get('location')).toBe('/login?redirectTo=%2Fprogrammes');
    const page = await app.get('/programmes', { cookie: await cookieFor(ctx.handle, user.id) });
    expect(page.status).toBe(200);
  });
});

describeEachDriver('operations endpoints', (ctx) => {
  it('answers /readyz with the migration state and tags every response with a request id', async () => {
    const app = await startTestApp(ctx.handle);
    const ready = await app.get('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; migrations: { expected: number } };
    expect(body.status).toBe('ready');
    expect(body.migrations.expected).toBeGreaterThan(0);
    const first = (await app.get('/login')).headers.get('x-request-id');
    const second = (await app.get('/login')).headers.get('x-request-id');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('reports migrations pending when the database is behind the build', async () => {
    const app = await startTestApp(ctx.handle);
    // Forget the newest migration for the length of the test, then put it back.
    await ctx.db.execute(sql`create table public.readyz_held as
      select * from drizzle.__drizzle_migrations
      where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    await ctx.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at in (select created_at from public.readyz_held)`
    );
    try {
      const ready = await app.get('/readyz');
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { status: string }).status).toBe('migrations pending');
    } finally {
      await ctx.db.execute(
        sql`insert into drizzle.__drizzle_migrations select * from public.readyz_held`
      );
      await ctx.db.execute(sql`drop table public.readyz_held`);
    }
  });
});

describeEachDriver('first run without demo data', (ctx) => {
  it('offers /setup only until the first administrator exists', async () => {
    const app = await startTestApp(ctx.handle);
    expect((await app.get('/setup')).status).toBe(200);
    const refused = await app.post('/setup', {
      displayName: 'Ada',
      email: 'ada@council.example',
      password: 'short',
      confirm: 'short'
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('12 characters or more');
    const created = await app.post('/setup', {
      displayName: 'Ada',
      email: 'ada@council.example',
      password: 'analytical engine notes',
      confirm: 'analytical engine notes'
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/programmes');
    const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await app.get('/admin/users', { cookie })).status).toBe(200);
    expect((await app.get('/setup')).status).toBe(404);
    expect(
      (
        await app.post('/setup', {
          displayName: 'Eve',
          email: 'eve@council.example',
          password: 'another long passphrase',
          confirm: 'another long passphrase'
        })
      ).status
    ).toBe(404);
  });
});
