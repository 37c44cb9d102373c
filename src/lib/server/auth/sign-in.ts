import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { recordAudit } from '../audit';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { checkSignInThrottle } from './throttle';
import { createSession, type Session, type SessionMeta } from './sessions';

export type SignInResult =
  | { ok: true; token: string; session: Session; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks the credentials and starts a new session (a fresh token every time, so a token
 * planted before sign-in is never promoted). Success and failure are both audited. The answer
 * never says whether it was the email or the password that was wrong.
 */
export async function signIn(
  db: Database,
  email: string,
  password: string,
  meta: SessionMeta = {}
): Promise<SignInResult> {
  const normalised = normaliseEmail(email);
  const throttle = await checkSignInThrottle(db, normalised, meta.ipAddress ?? null);
  if (!throttle.allowed) {
    // The password is not checked at all while locked, so guessing gains nothing.
    await recordAudit(db, {
      actorLabel: normalised,
      entity: 'session',
      action: 'sign_in_throttled',
      ipAddress: meta.ipAddress ?? null
    });
    return { ok: false, reason: 'throttled', retryAfterMinutes: throttle.retryAfterMinutes };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalised));

  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);

  if (!user || !passwordOk || user.disabledAt) {
    await recordAudit(db, {
      userId: user?.id ?? null,
      actorLabel: normalised,
      entity: 'session',
      action: 'sign_in_failed',
      after: {
        reason: !user
          ? 'unknown_email'
          : user.disabledAt && passwordOk
            ? 'disabled'
            : 'bad_password'
      },
      ipAddress: meta.ipAddress ?? null
    });
    return { ok: false, reason: 'invalid' };
  }

  return db.transaction(async (tx) => {
    const { token, session } = await createSession(tx, user.id, meta);
    await recordAudit(tx, {
      userId: user.id,
      actorLabel: normalised,
      entity: 'session',
      entityId: session.id.slice(0, 12),
      action: 'sign_in',
      ipAddress: meta.ipAddress ?? null
    });
    return { ok: true as const, token, session, userId: user.id };
  });
}
