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
