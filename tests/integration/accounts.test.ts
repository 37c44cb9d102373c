import { asc, count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  createFirstAdmin,
  createUserAccount,
  endOwnSession,
  listSessionsForUser,
  resetUserPassword,
  setUserDisabled
} from '#lib/server/accounts.ts';
import { changeOwnPassword } from '#lib/server/auth/change-password.ts';
import {
  createSession,
  validateSessionToken,
  type SessionUser
} from '#lib/server/auth/sessions.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { auditEvents, demoCredentials, users } from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { describeEachDriver } from './harness';
import { createUser } from './factories/users';

const asActor = (u: {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
}): SessionUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isAdmin: u.isAdmin
});

describeEachDriver('accounts', (ctx) => {
  it('creates the first administrator once only', async () => {
    const input = {
      email: 'First@Council.example',
      displayName: 'First',
      password: 'a sound first passphrase'
    };
    const first = await createFirstAdmin(ctx.db, input, '192.0.2.1');
    expect(first.ok).toBe(true);
    const again = await createFirstAdmin(
      ctx.db,
      { ...input, email: 'second@council.example' },
      null
    );
    expect(again).toMatchObject({ ok: false, field: 'email' });
    const rows = await ctx.db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: 'first@council.example', isAdmin: true });
    expect((await signIn(ctx.db, 'first@council.example', input.password)).ok).toBe(true);
  });

  it('lets an administrator add a user with a one-time password, refusing duplicates', async () => {
    const admin = await createUser(ctx.db, { isAdmin: true });
    const created = await createUserAccount(
      ctx.db,
      asActor(admin),
      { email: 'new@council.example', displayName: 'New', isAdmin: false },
      null
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect((await signIn(ctx.db, 'new@council.example', created.password)).ok).toBe(true);
    const duplicate = await createUserAccount(
      ctx.db,
      asActor(admin),
      { email: 'NEW@council.example', displayName: 'Again', isAdmin: false },
      null
    );
    expect(duplicate).toMatchObject({ ok: false, field: 'email' });
  });

  it('disabling a user ends their sessions and stops sign-in; enabling lets them back', async () => {
    const admin = await createUser(ctx.db, { isAdmin: true });
    const user = await createUser(ctx.db);
    const { token } = await createSession(ctx.db, user.id);
    expect((await setUserDisabled(ctx.db, asActor(admin), user.id, true, null)).ok).toBe(true);
    expect((await validateSessionToken(ctx.db, token)).session).toBeNull();
    expect((await signIn(ctx.db, user.email, user.password)).ok).toBe(false);
    expect((await setUserDisabled(ctx.db, asActor(admin), user.id, false, null)).ok).toBe(true);
    expect((await signIn(ctx.db, user.email, user.password)).ok).toBe(true);
    const actions = (await ctx.db.select().from(auditEvents).orderBy(asc(auditEvents.id))).map(
      (e) => e.action
    );
    expect(actions).toEqual(expect.arrayContaining(['user_disabled', 'user_enabled']));
  });

  it('an administrator cannot disable themselves', async () => {
    const admin = await createUser(ctx.db, { isAdmin: true });
    expect(await setUserDisabled(ctx.db, asActor(admin), admin.id, true, null)).toMatchObject({
      ok: false
    });
  });

  it('resetting a password replaces it and ends the user’s sessions', async () => {
    const admin = await createUser(ctx.db, { isAdmin: true });
    const user = await createUser(ctx.db);
    const { token } = await createSession(ctx.db, user.id);
    const reset = await resetUserPassword(ctx.db, asActor(admin), user.id, null);
    expect(reset.ok).toBe(true);
    if (!reset.ok) return;
    expect((await validateSessionToken(ctx.db, token)).session).toBeNull();
    expect((await signIn(ctx.db, user.email, user.password)).ok).toBe(false);
    expect((await signIn(ctx.db, user.email, reset.password)).ok).toBe(true);
  });

  it('changing your own password checks the current one and the policy, and ends your other sessions', async () => {
    const user = await createUser(ctx.db);
    const here = await createSession(ctx.db, user.id);
    const elsewhere = await createSession(ctx.db, user.id);
    const actor = asActor(user);
    const wrongCurrent = await changeOwnPassword(
      ctx.db,
      actor,
      here.session.id,
      { current: 'nope', password: 'a brand new passphrase', confirm: 'a brand new passphrase' },
      null
    );
    expect(wrongCurrent).toMatchObject({ ok: false, field: 'current' });
    const tooShort = await changeOwnPassword(
      ctx.db,
      actor,
      here.session.id,
      { current: user.password, password: 'short', confirm: 'short' },
      null
    );
    expect(tooShort).toMatchObject({ ok: false, field: 'password' });
    const common = await changeOwnPassword(
      ctx.db,
      actor,
      here.session.id,
      { current: user.password, password: 'Password1234', confirm: 'Password1234' },
      null
    );
    expect(common).toMatchObject({ ok: false, field: 'password' });
    const mismatch = await changeOwnPassword(
      ctx.db,
      actor,
      here.session.id,
      {
        current: user.password,
        password: 'a brand new passphrase',
        confirm: 'a brand new passphrase!'
      },
      null
    );
    expect(mismatch).toMatchObject({ ok: false, field: 'confirm' });
    const ok = await changeOwnPassword(
      ctx.db,
      actor,
      here.session.id,
      {
        current: user.password,
        password: 'a brand new passphrase',
        confirm: 'a brand new passphrase'
      },
      null
    );
    expect(ok.ok).toBe(true);
    expect((await validateSessionToken(ctx.db, here.token)).session).not.toBeNull();
    expect((await validateSessionToken(ctx.db, elsewhere.token)).session).toBeNull();
    expect((await signIn(ctx.db, user.email, 'a brand new passphrase')).ok).toBe(true);
  });

  it('stops printing the demo password once it is changed', async () => {
    await seedDemoIfEmpty(ctx.db, '2026-11-27');
    const [demo] = await ctx.db.select().from(users);
    const [credential] = await ctx.db.select().from(demoCredentials);
    const { session } = await createSession(ctx.db, demo!.id);
    const outcome = await changeOwnPassword(
      ctx.db,
      asActor(demo!),
      session.id,
      {
        current: credential!.initialPassword,
        password: 'a fresh unrelated passphrase',
        confirm: 'a fresh unrelated passphrase'
      },
      null
    );
    expect(outcome.ok).toBe(true);
    const [left] = await ctx.db.select({ n: count() }).from(demoCredentials);
    expect(left?.n).toBe(0);
  });

  it('lists your sessions and ends only your own', async () => {
    const user = await createUser(ctx.db);
    const other = await createUser(ctx.db);
    const mine = await createSession(ctx.db, user.id, {
      ipAddress: '192.0.2.5',
      userAgent: 'Firefox'
    });
    const theirs = await createSession(ctx.db, other.id);
    const listed = await listSessionsForUser(ctx.db, user.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ ipAddress: '192.0.2.5', userAgent: 'Firefox' });
    expect(await endOwnSession(ctx.db, user.id, theirs.session.id, null)).toMatchObject({
      ok: false
    });
    expect((await validateSessionToken(ctx.db, theirs.token)).session).not.toBeNull();
    expect((await endOwnSession(ctx.db, user.id, mine.session.id, null)).ok).toBe(true);
    expect((await validateSessionToken(ctx.db, mine.token)).session).toBeNull();
    const [ended] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'session_ended'));
    expect(ended?.userId).toBe(user.id);
  });
});
