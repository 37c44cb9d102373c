import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from './audit';
import { hashPassword } from './auth/passwords';
import { invalidateUserSessions, type SessionUser } from './auth/sessions';
import { generatePassword } from './auth/tokens';
import { normaliseEmail } from './auth/sign-in';
import type { Database } from './db';
import { demoCredentials, sessions, users } from './db/schema';

export type Outcome<T = object> =
  ({ ok: true } & T) | { ok: false; field: string; message: string; status?: number };

const FIRST_ADMIN_LOCK_KEY = 7_354_021_907;

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function listUsers(db: Database) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      isAdmin: users.isAdmin,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt
    })
    .from(users)
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function findUser(db: Database, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      isAdmin: users.isAdmin,
      disabledAt: users.disabledAt
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

async function emailTaken(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)));
  return !!row;
}

/**
 * First run without demo data: the person installing creates the first administrator. Only
 * while no user exists; the check and the insert happen under one lock.
 */
export async function createFirstAdmin(
  db: Database,
  input: { email: string; displayName: string; password: string },
  ipAddress: string | null
): Promise<Outcome<{ userId: string }>> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) {
      return {
        ok: false as const,
        field: 'email',
        message: 'An administrator already exists. Sign in instead.'
      };
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: normaliseEmail(input.email),
        displayName: input.displayName,
        passwordHash,
        isAdmin: true,
        passwordChangedAt: new Date()
      })
      .returning({ id: users.id });
    await recordAudit(tx, {
      userId: user!.id,
      entity: 'user',
      entityId: user!.id,
      action: 'first_admin_created',
      after: { email: normaliseEmail(input.email) },
      ipAddress
    });
    return { ok: true as const, userId: user!.id };
  });
}

/** An administrator adds a person; they get a generated password to change at first use. */
export async function createUserAccount(
  db: Database,
  actor: SessionUser,
  input: { email: string; displayName: string; isAdmin: boolean },
  ipAddress: string | null
): Promise<Outcome<{ userId: string; password: string }>> {
  if (await emailTaken(db, input.email)) {
    return { ok: false, field: 'email', message: 'A user with this email address already exists' };
  }
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: normaliseEmail(input.email),
          displayName: input.displayName,
          passwordHash,
          isAdmin: input.isAdmin
        })
        .returning({ id: users.id });
      await recordAudit(tx, {
        userId: actor.id,
        entity: 'user',
        entityId: user!.id,
        action: 'user_created',
        after: {
          email: normaliseEmail(input.email),
          displayName: input.displayName,
          isAdmin: input.isAdmin
        },
        ipAddress
      });
      return { ok: true as const, userId: user!.id, password };
    });
  } catch (error) {
    // Two administrators adding the same person at once: the unique index decides.
    if (
      String(
        (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code
      ) === '23505'
    ) {
      return {
        ok: false,
        field: 'email',
        message: 'A user with this email address already exists'
      };
    }
    throw error;
  }
}

/** Disabling ends every session of that user at once. */
export async function setUserDisabled(
  db: Database,
  actor: SessionUser,
  userId: string,
  disabled: boolean,
  ipAddress: string | null
): Promise<Outcome> {
  if (userId === actor.id) {
    return { ok: false, field: 'userId', message: 'You cannot disable your own account' };
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated)
      return { ok: false as const, field: 'userId', message: 'That user no longer exists' };
    if (disabled) await invalidateUserSessions(tx, userId);
    await recordAudit(tx, {
      userId: actor.id,
      entity: 'user',
      entityId: userId,
      action: disabled ? 'user_disabled' : 'user_enabled',
      ipAddress
    });
    return { ok: true as const };
  });
}

/** A new generated password, shown once to the administrator; the user's sessions end. */
export async function resetUserPassword(
  db: Database,
  actor: SessionUser,
  userId: string,
  ipAddress: string | null
): Promise<Outcome<{ password: string }>> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: null, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated)
      return { ok: false as const, field: 'userId', message: 'That user no longer exists' };
    await invalidateUserSessions(tx, userId);
    await tx.delete(demoCredentials).where(eq(demoCredentials.userId, userId));
    await recordAudit(tx, {
      userId: actor.id,
      entity: 'user',
      entityId: userId,
      action: 'password_reset',
      ipAddress
    });
    return { ok: true as const, password };
  });
}

export async function listSessionsForUser(db: Database, userId: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the user's own sessions; someone else's session id is simply not found. */
export async function endOwnSession(
  db: Database,
  userId: string,
  sessionId: string,
  ipAddress: string | null
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id });
    if (ended.length === 0) {
      return { ok: false as const, field: 'sessionId', message: 'That session has already ended' };
    }
    await recordAudit(tx, {
      userId,
      entity: 'session',
      entityId: sessionId.slice(0, 12),
      action: 'session_ended',
      ipAddress
    });
    return { ok: true as const };
  });
}
