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
