import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { auditEvents } from '#lib/server/db/schema/index.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { changeOwnPassword } from '#lib/server/auth/change-password.ts';
import { createSession, type SessionUser } from '#lib/server/auth/sessions.ts';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '#lib/server/auth/throttle.ts';
import { describeEachDriver } from './harness';
import { cookieFor, startTestApp, type TestApp } from './app';
import { createUser } from './factories/users';

/**
 * Counts the password hash comparisons made in this process (the built app's own copy of the
 * module is not counted: requests to it are counted by their audit rows instead).
 */
const hashChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('#lib/server/auth/passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('#lib/server/auth/passwords.ts')>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      hashChecks.count += 1;
      return real.verifyPassword(hash, password);
    },
    verifyAgainstDummy: (password: string) => {
      hashChecks.count += 1;
      return real.verifyAgainstDummy(password);
    }
  };
});

const PARALLEL = 20;
const NEW_PASSWORD = 'a brand new passphrase';

describeEachDriver('password throttling under parallel guesses', (ctx) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ctx.handle);
  });
  beforeEach(() => {
    hashChecks.count = 0;
  });

  const rowsOf = async (action: string) =>
    (await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;

  const asActor = (u: Awaited<ReturnType<typeof createUser>>): SessionUser => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isAdmin: u.isAdmin
  });

  const tally = (statuses: (number | string)[]) =>
    statuses.reduce<Record<string, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

  it(`checks exactly ${MAX_FAILURES_PER_ACCOUNT} of ${PARALLEL} parallel wrong passwords at sign-in`, async () => {
    const user = await createUser(ctx.db);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        signIn(ctx.db, user.email, `wrong guess ${i}`, { ipAddress: '198.51.100.20' })
      )
    );
    expect(hashChecks.count).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(tally(results.map((r) => (r.ok ? 'ok' : r.reason)))).toEqual({
      invalid: MAX_FAILURES_PER_ACCOUNT,
      throttled: PARALLEL - MAX_FAILURES_PER_ACCOUNT
    });
    expect(await rowsOf('sign_in_failed')).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await rowsOf('sign_in_throttled')).toBe(PARALLEL - MAX_FAILURES_PER_ACCOUNT);
    // The right password now waits too, and is not even checked.
    expect(await signIn(ctx.db, user.email, user.password)).toMatchObject({ reason: 'throttled' });
    expect(hashChecks.count).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it('holds the limit between two app instances sharing the database', async () => {
    // The built app and this test process each keep their own in-memory queue: only the
    // database lock stands between them.
    const user = await createUser(ctx.db);
    const [overHttp, inProcess] = await Promise.all([
      Promise.all(
        Array.from({ length: PARALLEL / 2 }, (_, i) =>
          app.post('/login', { email: user.email, password: `over http ${i}` })
        )
      ),
      Promise.all(
        Array.from({ length: PARALLEL / 2 }, (_, i) =>
          signIn(ctx.db, user.email, `in process ${i}`, { ipAddress: '192.0.2.10' })
        )
      )
    ]);
    const statuses = [
      ...overHttp.map((r) => r.status),
      ...inProcess.map((r) => (r.ok ? 303 : r.reason === 'throttled' ? 429 : 400))
    ];
    expect(tally(statuses)).toEqual({
      400: MAX_FAILURES_PER_ACCOUNT,
      429: PARALLEL - MAX_FAILURES_PER_ACCOUNT
    });
    expect(await rowsOf('sign_in_failed')).toBe(MAX_FAILURES_PER_ACCOUNT);
    const refused = overHttp.find((r) => r.status === 429);
    if (refused) expect(await refused.text()).toContain('Too many failed attempts to sign in');
  });

  it(`checks exactly ${MAX_FAILURES_PER_ACCOUNT} of ${PARALLEL} parallel wrong current passwords`, async () => {
    const user = await createUser(ctx.db);
    const here = await createSession(ctx.db, user.id);
    hashChecks.count = 0;
    const change = (current: string) =>
      changeOwnPassword(
        ctx.db,
        asActor(user),
        here.session.id,
        { current, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        '198.51.100.21'
      );
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => change(`wrong guess ${i}`))
    );
    expect(hashChecks.count).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(tally(results.map((r) => (r.ok ? 'ok' : (r.status ?? 400))))).toEqual({
      400: MAX_FAILURES_PER_ACCOUNT,
      429: PARALLEL - MAX_FAILURES_PER_ACCOUNT
    });
    expect(await rowsOf('password_change_failed')).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(await rowsOf('password_change_throttled')).toBe(PARALLEL - MAX_FAILURES_PER_ACCOUNT);
    const right = await change(user.password);
    expect(right).toMatchObject({ ok: false, field: 'current', status: 429 });
    if (!right.ok) expect(right.message).toMatch(/^Too many attempts/);
    expect(hashChecks.count).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it('refuses parallel wrong current passwords on /account with 429, then the right one too', async () => {
    const user = await createUser(ctx.db);
    const cookie = await cookieFor(ctx.handle, user.id);
    const change = (current: string) =>
      app.post(
        '/account?/changePassword',
        { current, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        { cookie }
      );
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => change(`wrong guess ${i}`))
    );
    expect(tally(responses.map((r) => r.status))).toEqual({
      400: MAX_FAILURES_PER_ACCOUNT,
      429: PARALLEL - MAX_FAILURES_PER_ACCOUNT
    });
    expect(await rowsOf('password_change_failed')).toBe(MAX_FAILURES_PER_ACCOUNT);
    const right = await change(user.password);
    expect(right.status).toBe(429);
    expect(await right.text()).toContain('Too many attempts with a wrong current password');
    // One budget per account: signing in is held back as well.
    expect(await signIn(ctx.db, user.email, user.password)).toMatchObject({ reason: 'throttled' });
  });

  it('counts sign-in and change-password failures against one budget per account', async () => {
    const user = await createUser(ctx.db);
    const here = await createSession(ctx.db, user.id);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect((await signIn(ctx.db, user.email, `wrong ${i}`)).ok).toBe(false);
    }
    const change = (current: string) =>
      changeOwnPassword(
        ctx.db,
        asActor(user),
        here.session.id,
        { current, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        null
      );
    expect(await change('wrong again')).toMatchObject({ field: 'current' });
    expect(await change(user.password)).toMatchObject({ status: 429 });
    expect(await signIn(ctx.db, user.email, user.password)).toMatchObject({ reason: 'throttled' });
  });

  it('a password changed successfully clears the account’s earlier failures', async () => {
    const user = await createUser(ctx.db);
    const here = await createSession(ctx.db, user.id);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await signIn(ctx.db, user.email, 'no');
    const changed = await changeOwnPassword(
      ctx.db,
      asActor(user),
      here.session.id,
      { current: user.password, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      null
    );
    expect(changed.ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await signIn(ctx.db, user.email, 'no');
    expect((await signIn(ctx.db, user.email, NEW_PASSWORD)).ok).toBe(true);
  });

  it('holds back an address guessing current passwords across many accounts', async () => {
    const address = '203.0.113.77';
    const people = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_ADDRESS / MAX_FAILURES_PER_ACCOUNT + 1 }, () =>
        createUser(ctx.db)
      )
    );
    const guesses = people
      .slice(0, -1)
      .flatMap((person) =>
        Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, (_, i) => ({ person, guess: `g${i}` }))
      );
    expect(guesses).toHaveLength(MAX_FAILURES_PER_ADDRESS);
    for (const { person, guess } of guesses) {
      const outcome = await changeOwnPassword(
        ctx.db,
        asActor(person),
        'no-such-session',
        { current: guess, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        address
      );
      expect(outcome).toMatchObject({ ok: false, field: 'current' });
      expect(outcome).not.toHaveProperty('status');
    }
    const fresh = people.at(-1)!;
    expect(await signIn(ctx.db, fresh.email, fresh.password, { ipAddress: address })).toMatchObject(
      { reason: 'throttled' }
    );
    expect(
      (await signIn(ctx.db, fresh.email, fresh.password, { ipAddress: '203.0.113.78' })).ok
    ).toBe(true);
  });
});
