import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { recordAudit } from '../audit';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { guardedPasswordCheck } from './throttle';
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
  const ipAddress = meta.ipAddress ?? null;
  const checked = await guardedPasswordCheck(
    db,
    { purpose: 'sign_in', account: normalised, ipAddress },
    async (tx) => {
      const [user] = await tx
        .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(sql`lower(${users.email})`, normalised));
      const passwordOk = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password);
      if (!user) return { passed: false, reason: 'unknown_email' };
      if (!passwordOk) return { passed: false, reason: 'bad_password', userId: user.id };
      if (user.disabledAt) return { passed: false, reason: 'disabled', userId: user.id };
      return { passed: true, value: user.id };
    }
  );
  if (checked.outcome === 'throttled') {
    return { ok: false, reason: 'throttled', retryAfterMinutes: checked.retryAfterMinutes };
  }
  if (checked.outcome === 'failed') return { ok: false, reason: 'invalid' };
  const userId = checked.value;

  return db.transaction(async (tx) => {
    const { token, session } = await createSession(tx, userId, meta);
    await recordAudit(tx, {
      userId,
      actorLabel: normalised,
      entity: 'session',
      entityId: session.id.slice(0, 12),
      action: 'sign_in',
      ipAddress
    });
    return { ok: true as const, token, session, userId };
  });
}
