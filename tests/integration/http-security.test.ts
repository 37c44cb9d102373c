import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '#lib/server/db/schema/index.ts';
import { describeEachDriver } from './harness';
import { cookieFor, startTestApp, type TestApp } from './app';
import { createUser } from './factories/users';

describeEachDriver('HTTP security', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function rowCount(table: typeof users | typeof sessions) {
    const [row] = await ctx.db.select({ n: count() }).from(table);
    return row?.n ?? 0;
  }

  it('sets a Secure __Host- session cookie, HttpOnly and SameSite=Lax, over HTTPS', async () => {
    const user = await createUser(ctx.db);
    const response = await app.post(
      '/login',
      { email: user.email, password: user.password },
      { https: true }
    );
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-vd_session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('uses a plain HttpOnly cookie on http://localhost, where Secure cookies cannot be set', async () => {
    const user = await createUser(ctx.db);
    const response = await app.post('/login', { email: user.email, password: user.password });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vd_session=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it('sends the security headers on HTML pages, with HSTS only over HTTPS', async () => {
    await createUser(ctx.db);
    for (const https of [false, true]) {
      const response = await app.get('/login', { https });
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.has('strict-transport-security')).toBe(https);
    }
  });

  it('lets in only the page’s own stylesheet, by nonce, and SvelteKit’s announcer style, by hash', async () => {
    await createUser(ctx.db);
    const response = await app.get('/login');
    const csp = response.headers.get('content-security-policy') ?? '';
    const styleSrc = /style-src ([^;]+)/.exec(csp)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(styleSrc)?.[1];
    expect(nonce).toBeDefined();
    expect(styleSrc).toContain("'self'");
    expect(styleSrc).toContain("'unsafe-hashes'");
    expect(styleSrc).toContain("'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='");
    expect(styleSrc).not.toContain("'unsafe-inline'");
    // The stylesheet is inlined with this response's nonce, and no element has a style attribute.
    const html = await response.text();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).not.toMatch(/<[a-z][^>]*\sstyle="/);
  });

  it('keeps signed-in pages out of shared caches', async () => {
    const user = await createUser(ctx.db);
    const signIn = await app.post('/login', { email: user.email, password: user.password });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const response = await app.get('/programmes', { cookie });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses a cross-site form post (CSRF) and writes nothing', async () => {
    const user = await createUser(ctx.db);
    const before = await ctx.db.select({ n: count() }).from(auditEvents);
    for (const origin of ['https://evil.example', null]) {
      const response = await app.post(
        '/login',
        { email: user.email, password: user.password },
        { origin }
      );
      expect(response.status).toBe(403);
    }
    expect(await rowCount(sessions)).toBe(0);
    expect(await ctx.db.select({ n: count() }).from(auditEvents)).toEqual(before);
  });

  it.each([
    ['empty fields', { email: '', password: '' }, 'Enter your email address'],
    ['missing fields', {}, 'Enter your email address'],
    [
      'an over-long email',
      { email: `${'a'.repeat(5000)}@council.example`, password: 'x' },
      '320 characters or fewer'
    ],
    [
      'an over-long password',
      { email: 'a@council.example', password: 'p'.repeat(100_000) },
      '1024 characters or fewer'
    ],
    ['a malformed email', { email: 'not an email', password: 'x' }, 'correct format'],
    ['HTML in the email', { email: '<script>alert(1)</script>', password: 'x' }, 'correct format']
  ])('answers %s with a clear 400 and writes nothing', async (_label, fields, message) => {
    await createUser(ctx.db);
    const response = await app.post('/login', fields as Record<string, string>);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(await rowCount(sessions)).toBe(0);
    const [audit] = await ctx.db.select({ n: count() }).from(auditEvents);
    expect(audit?.n).toBe(0);
  });

  it('signs in with a unicode email and password', async () => {
    const user = await createUser(ctx.db, {
      email: 'zoë.ødegård@council.example',
      password: 'пароль для входа 🔐'
    });
    const response = await app.post('/login', {
      email: 'ZOË.ØDEGÅRD@council.example',
      password: user.password
    });
    expect(response.status).toBe(303);
  });

  it.each([
    '/programmes/%00',
    '/programmes/demo/contracts?q=a%00b',
    '/programmes/demo/audit?entity=%2Fe%00',
    '/login?redirectTo=%00'
  ])('refuses an address carrying a NUL character, %s, with 400 rather than 500', async (path) => {
    const user = await createUser(ctx.db);
    const cookie = await cookieFor(ctx.handle, user.id);
    const response = await app.get(path, { cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('not allowed');
  });

  it('never answers 500 to a body that is not a form', async () => {
    const response = await app.request('/login', {
      method: 'POST',
      headers: {
        origin: 'http://vd.test',
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html'
      },
      body: '%%%&&&=%E0%A4%A'
    });
    expect(response.status).toBeLessThan(500);
  });
});
