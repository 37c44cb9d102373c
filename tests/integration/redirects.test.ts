import { beforeAll, expect, it } from 'vitest';
import { safeRedirectPath } from '#lib/safe-redirect.ts';
import {
  GOOD_REDIRECT_QUERIES,
  HOSTILE_REDIRECT_QUERIES
} from '#tests/fixtures/redirect-targets.ts';
import { describeEachDriver } from './harness';
import { startTestApp, type TestApp } from './app';
import { createAccessFixtures, FIXTURE_PASSWORD, type AccessFixtures } from './factories/access';

const ORIGIN = 'http://vd.test';

/** The value a route reads from `?redirectTo=…`, decoded once as SvelteKit does. */
const fromQuery = (raw: string) => new URLSearchParams(`r=${raw}`).get('r') ?? '';

/** The address guard refuses any %00 before a route runs (url-guard.ts): a 400, no redirect. */
const refusedOutright = (raw: string) => /%00/i.test(raw);

/**
 * Every route that redirects to an address taken from the request, fed every hostile target:
 * never a 500, never a Location off this site, always the route's own fallback instead.
 */
describeEachDriver('redirect targets taken from the request', (ctx) => {
  let app: TestApp;
  let f: AccessFixtures;
  let viewer: string;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });

  async function setUp() {
    f = await createAccessFixtures(ctx.db);
    viewer = (await f.cookieFor('viewer'))!;
  }

  function expectRedirect(response: Response, raw: string, location: string) {
    const where = `${raw.slice(0, 80)} → ${response.status} ${response.headers.get('location')}`;
    if (refusedOutright(raw)) {
      expect(response.status, where).toBe(400);
      expect(response.headers.has('location'), where).toBe(false);
      return;
    }
    expect(response.status, where).toBe(303);
    const sent = response.headers.get('location') ?? '';
    expect(new URL(sent, ORIGIN).origin, where).toBe(ORIGIN);
    expect(sent, where).toBe(location);
  }

  it('/login, already signed in, sends each hostile target to the programme list', async () => {
    await setUp();
    for (const raw of HOSTILE_REDIRECT_QUERIES) {
      const response = await app.get(`/login?redirectTo=${raw}`, { cookie: viewer });
      expectRedirect(response, raw, '/programmes');
    }
  });

  it('/login, signing in, sends each hostile target to the programme list', async () => {
    await setUp();
    for (const raw of HOSTILE_REDIRECT_QUERIES) {
      const response = await app.post(`/login?redirectTo=${raw}`, {
        email: f.users.viewer.email,
        password: FIXTURE_PASSWORD
      });
      expectRedirect(response, raw, '/programmes');
    }
  });

  it('/login keeps a page of the app, query and fragment included, both ways', async () => {
    await setUp();
    for (const [raw, location] of GOOD_REDIRECT_QUERIES) {
      expectRedirect(await app.get(`/login?redirectTo=${raw}`, { cookie: viewer }), raw, location);
      const signIn = await app.post(`/login?redirectTo=${raw}`, {
        email: f.users.viewer.email,
        password: FIXTURE_PASSWORD
      });
      expectRedirect(signIn, raw, location);
    }
  });

  it('a comment’s returnTo goes back only to a page of the same programme', async () => {
    await setUp();
    const questions = `/programmes/${f.programmeSlug}/questions`;
    const contract = `/programmes/${f.programmeSlug}/contracts/${f.contractId}`;
    const comment = (returnTo: string) =>
      app.post(
        `${questions}?/add`,
        { targetKind: 'contract', targetId: f.contractId, body: 'Noted', returnTo },
        { cookie: viewer }
      );
    const hostile = [
      ...HOSTILE_REDIRECT_QUERIES.map(fromQuery),
      '/\t/evil.example',
      `/\t\\evil.example`,
      `${contract}\r\nSet-Cookie: x=1`,
      `${contract}/\u3000`,
      `/programmes/${f.programmeSlug}/../other/contracts`,
      '/programmes/other/contracts'
    ];
    for (const returnTo of hostile) {
      // A form field is not part of the address, so even %00 reaches the route here.
      expectRedirect(await comment(returnTo), JSON.stringify(returnTo), questions);
    }
    expectRedirect(
      await comment(`${contract}?tab=all#top`),
      'contract page',
      `${contract}?tab=all#comments`
    );
  });

  it('the sign-in guard passes on only an address /login will follow', async () => {
    await setUp();
    const asked = [
      '/programmes/%09',
      '/programmes/%0a/contracts',
      '/programmes/%5Cevil.example/contracts',
      '/programmes/%E3%80%80',
      '/programmes/..%2f..%2f%2f%2fevil.example',
      `/programmes/matrix/contracts?q=${'a'.repeat(3000)}`,
      '/programmes/matrix/contracts?q=a%20b',
      '/account'
    ];
    for (const path of asked) {
      const response = await app.get(path);
      const where = `${path.slice(0, 80)} → ${response.status} ${response.headers.get('location')}`;
      expect(response.status, where).toBe(303);
      const sent = new URL(response.headers.get('location') ?? '', ORIGIN);
      expect(sent.origin, where).toBe(ORIGIN);
      expect(sent.pathname, where).toBe('/login');
      const back = sent.searchParams.get('redirectTo');
      if (back !== null) expect(safeRedirectPath(back, ''), where).toBe(back);
    }
    const kept = await app.get('/programmes/matrix/contracts?q=a%20b');
    expect(kept.headers.get('location')).toBe(
      `/login?redirectTo=${encodeURIComponent('/programmes/matrix/contracts?q=a%20b')}`
    );
  });
});
