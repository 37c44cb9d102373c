import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sessions, users } from '#lib/server/db/schema/index.ts';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  validateSessionToken
} from '#lib/server/auth/sessions.ts';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS
} from '#lib/server/auth/policy.ts';
import { sessionIdFromToken } from '#lib/server/auth/tokens.ts';
import { describeEachDriver } from './harness';
import { createUser } from './factories/users';

const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const MINUTE = 60_000;

describeEachDriver('sessions', (ctx) => {
  it('stores only the SHA-256 of the token', async () => {
    const user = await createUser(ctx.db);
    const { token } = await createSession(ctx.db, user.id);
    const rows = await ctx.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(sessionIdFromToken(token));
    expect(rows[0]!.id).not.toContain(token);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('validates a live session and returns its user', async () => {
    const user = await createUser(ctx.db);
    const start = at('2027-01-10T09:00:00Z');
    const { token } = await createSession(ctx.db, user.id, {}, start);
    const result = await validateSessionToken(ctx.db, token, plus(start, MINUTE));
    expect(result.user?.id).toBe(user.id);
    expect(result.user?.email).toBe(user.email);
  });

  it('refuses unknown and malformed tokens', async () => {
    expect((await validateSessionToken(ctx.db, 'a'.repeat(32))).session).toBeNull();
    expect((await validateSessionToken(ctx.db, "'; drop table users; --")).session).toBeNull();
    expect((await validateSessionToken(ctx.db, '')).session).toBeNull();
  });

  it('ends a session left idle past the idle limit', async () => {
    const user = await createUser(ctx.db);
    const start = at('2027-01-10T09:00:00Z');
    const { token } = await createSession(ctx.db, user.id, {}, start);
    const result = await validateSessionToken(ctx.db, token, plus(start, SESSION_IDLE_MS));
    expect(result.session).toBeNull();
    expect(await ctx.db.select().from(sessions)).toHaveLength(0);
  });

  it('slides the idle expiry while in use, but never past the absolute limit', async () => {
    const user = await createUser(ctx.db);
    const start = at('2027-01-10T09:00:00Z');
    const { token } = await createSession(ctx.db, user.id, {}, start);
    // Use it every (idle limit − 1 minute): each use keeps it alive…
    let now = start;
    const step = SESSION_IDLE_MS - MINUTE;
    while (plus(now, step) < plus(start, SESSION_ABSOLUTE_MS)) {
      now = plus(now, step);
      const result = await validateSessionToken(ctx.db, token, now);
      expect(result.session, `alive at ${now.toISOString()}`).not.toBeNull();
      expect(result.session!.expiresAt.getTime()).toBeLessThanOrEqual(
        start.getTime() + SESSION_ABSOLUTE_MS
      );
    }
    // …until the absolute limit, however recently it was used.
    const result = await validateSessionToken(ctx.db, token, plus(start, SESSION_ABSOLUTE_MS));
    expect(result.session).toBeNull();
  });

  it('does not write on every request (touch interval)', async () => {
    const user = await createUser(ctx.db);
    const start = at('2027-01-10T09:00:00Z');
    const { token, session } = await createSession(ctx.db, user.id, {}, start);
    await validateSessionToken(ctx.db, token, plus(start, SESSION_TOUCH_INTERVAL_MS - 1000));
    const [unchanged] = await ctx.db.select().from(sessions);
    expect(unchanged!.expiresAt.getTime()).toBe(session.expiresAt.getTime());
    await validateSessionToken(ctx.db, token, plus(start, SESSION_TOUCH_INTERVAL_MS + 1000));
    const [moved] = await ctx.db.select().from(sessions);
    expect(moved!.expiresAt.getTime()).toBeGreaterThan(session.expiresAt.getTime());
  });

  it("ends a disabled user's sessions", async () => {
    const user = await createUser(ctx.db);
    const { token } = await createSession(ctx.db, user.id);
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await validateSessionToken(ctx.db, token)).session).toBeNull();
    expect(await ctx.db.select().from(sessions)).toHaveLength(0);
  });

  it('invalidates one session or all of a user', async () => {
    const user = await createUser(ctx.db);
    const a = await createSession(ctx.db, user.id);
    const b = await createSession(ctx.db, user.id);
    const c = await createSession(ctx.db, user.id);
    await invalidateSession(ctx.db, a.session.id);
    expect((await validateSessionToken(ctx.db, a.token)).session).toBeNull();
    expect((await validateSessionToken(ctx.db, b.token)).session).not.toBeNull();
    await invalidateUserSessions(ctx.db, user.id);
    expect((await validateSessionToken(ctx.db, b.token)).session).toBeNull();
    expect((await validateSessionToken(ctx.db, c.token)).session).toBeNull();
  });
});
