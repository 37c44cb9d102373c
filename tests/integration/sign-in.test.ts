import { asc } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '#lib/server/db/schema/index.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { signOut } from '#lib/server/auth/sign-out.ts';
import { validateSessionToken } from '#lib/server/auth/sessions.ts';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '#lib/server/auth/throttle.ts';
import { describeEachDriver } from './harness';
import { createUser } from './factories/users';

describeEachDriver('sign-in and sign-out', (ctx) => {
  it('signs in with the right password, whatever the case of the email', async () => {
    const user = await createUser(ctx.db, { email: 'Lead@Council.example' });
    const result = await signIn(ctx.db, '  LEAD@council.EXAMPLE ', user.password, {
      ipAddress: '203.0.113.9'
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await validateSessionToken(ctx.db, result.token)).user?.id).toBe(user.id);
    const events = await ctx.db.select().from(auditEvents);
    expect(events).toMatchObject([
      { action: 'sign_in', userId: user.id, ipAddress: '203.0.113.9' }
    ]);
  });

  it('issues a new token at every sign-in', async () => {
    const user = await createUser(ctx.db);
    const first = await signIn(ctx.db, user.email, user.password);
    const second = await signIn(ctx.db, user.email, user.password);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(first.token).not.toBe(second.token);
  });

  it('refuses a wrong password, an unknown email and a disabled account alike, and audits each', async () => {
    const user = await createUser(ctx.db);
    const disabled = await createUser(ctx.db, { disabledAt: new Date() });
    expect(await signIn(ctx.db, user.email, 'wrong password entirely')).toEqual({
      ok: false,
      reason: 'invalid'
    });
    expect(await signIn(ctx.db, 'nobody@council.example', user.password)).toEqual({
      ok: false,
      reason: 'invalid'
    });
    expect(await signIn(ctx.db, disabled.email, disabled.password)).toEqual({
      ok: false,
      reason: 'invalid'
    });
    const events = await ctx.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(events.map((e) => [e.action, (e.after as { reason: string }).reason])).toEqual([
      ['sign_in_failed', 'bad_password'],
      ['sign_in_failed', 'unknown_email'],
      ['sign_in_failed', 'disabled']
    ]);
  });

  it('ends the session on the server at sign-out', async () => {
    const user = await createUser(ctx.db);
    const result = await signIn(ctx.db, user.email, user.password);
    if (!result.ok) throw new Error('sign-in failed');
    await signOut(ctx.db, result.session, null);
    expect((await validateSessionToken(ctx.db, result.token)).session).toBeNull();
    const actions = (await ctx.db.select().from(auditEvents).orderBy(asc(auditEvents.id))).map(
      (e) => e.action
    );
    expect(actions).toEqual(['sign_in', 'sign_out']);
  });

  it('locks an account after repeated failures, even with the right password, then lets others in', async () => {
    const user = await createUser(ctx.db);
    const other = await createUser(ctx.db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(
        await signIn(ctx.db, user.email, `wrong guess ${i}`, { ipAddress: '198.51.100.1' })
      ).toMatchObject({
        ok: false,
        reason: 'invalid'
      });
    }
    const locked = await signIn(ctx.db, user.email, user.password, { ipAddress: '198.51.100.2' });
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
    if (!locked.ok && locked.reason === 'throttled') {
      expect(locked.retryAfterMinutes).toBeGreaterThan(0);
      expect(locked.retryAfterMinutes).toBeLessThanOrEqual(15);
    }
    expect(
      (await signIn(ctx.db, other.email, other.password, { ipAddress: '198.51.100.1' })).ok
    ).toBe(true);
  });

  it('locks an unknown email the same way, so locking reveals nothing', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await signIn(ctx.db, 'ghost@council.example', `guess ${i}`);
    }
    expect(await signIn(ctx.db, 'ghost@council.example', 'another')).toMatchObject({
      reason: 'throttled'
    });
  });

  it('holds back one address trying many accounts', async () => {
    const user = await createUser(ctx.db);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signIn(ctx.db, `spray${i}@council.example`, 'Password1234', {
        ipAddress: '203.0.113.66'
      });
    }
    expect(
      await signIn(ctx.db, user.email, user.password, { ipAddress: '203.0.113.66' })
    ).toMatchObject({
      reason: 'throttled'
    });
    expect(
      (await signIn(ctx.db, user.email, user.password, { ipAddress: '203.0.113.67' })).ok
    ).toBe(true);
  });

  it('forgets earlier failures once the account signs in successfully', async () => {
    const user = await createUser(ctx.db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await signIn(ctx.db, user.email, 'nope');
    expect((await signIn(ctx.db, user.email, user.password)).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await signIn(ctx.db, user.email, 'nope');
    expect((await signIn(ctx.db, user.email, user.password)).ok).toBe(true);
  });
});
