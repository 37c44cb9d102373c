import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { sessions, users } from '../db/schema';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from './policy';
import { generateSessionToken, sessionIdFromToken } from './tokens';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
}

export interface Session {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface SessionMeta {
  ipAddress?: string | null;
  userAgent?: string | null;
}

export type SessionValidation =
  { session: Session; user: SessionUser } | { session: null; user: null };

/** Starts a new session; the token is returned once and only its hash is stored. */
export async function createSession(
  db: DatabaseOrTransaction,
  userId: string,
  meta: SessionMeta = {},
  now: Date = new Date()
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS)
  };
  await db.insert(sessions).values({
    ...session,
    lastSeenAt: now,
    ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null
  });
  return { token, session };
}

/**
 * Looks the token up by its hash; ends sessions past their idle or absolute limit, or whose
 * user is disabled; slides the idle expiry forward while the session is in use.
 */
export async function validateSessionToken(
  db: DatabaseOrTransaction,
  token: string,
  now: Date = new Date()
): Promise<SessionValidation> {
  const none = { session: null, user: null } as const;
  if (!/^[a-z2-7]{32}$/.test(token)) return none;
  const sessionId = sessionIdFromToken(token);
  const [row] = await db
    .select({
      session: {
        id: sessions.id,
        userId: sessions.userId,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt
      },
      user: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        isAdmin: users.isAdmin,
        disabledAt: users.disabledAt
      }
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, sessionId));
  if (!row) return none;
  const { session, user } = row;
  const expired = now >= session.expiresAt || now >= session.absoluteExpiresAt;
  if (expired || user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return none;
  }
  const idleExpiry = new Date(
    Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime())
  );
  if (idleExpiry.getTime() - session.expiresAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    session.expiresAt = idleExpiry;
    await db
      .update(sessions)
      .set({ expiresAt: idleExpiry, lastSeenAt: now })
      .where(eq(sessions.id, sessionId));
  }
  return {
    session,
    user: { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin }
  };
}

export async function invalidateSession(db: DatabaseOrTransaction, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: DatabaseOrTransaction, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
