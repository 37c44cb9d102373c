import { and, eq, ne, sql } from 'drizzle-orm';
import { passwordProblem } from '#lib/domain/password-policy.ts';
import type { Outcome } from '../accounts';
import { recordAudit } from '../audit';
import type { Database } from '../db';
import { demoCredentials, sessions, users } from '../db/schema';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionUser } from './sessions';
import { normaliseEmail } from './sign-in';
import { guardedPasswordCheck, minutesText } from './throttle';

/** The signed-in user changes their password; their other sessions end, this one stays. */
export async function changeOwnPassword(
  db: Database,
  user: SessionUser,
  currentSessionId: string,
  input: { current: string; password: string; confirm: string },
  ipAddress: string | null
): Promise<Outcome> {
  // The current password is a guess like any at sign-in: throttled and audited the same way.
  const checked = await guardedPasswordCheck(
    db,
    {
      purpose: 'change_password',
      account: normaliseEmail(user.email),
      ipAddress,
      userId: user.id,
      entityId: user.id
    },
    async (tx) => {
      const [row] = await tx
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, user.id));
      return row && (await verifyPassword(row.passwordHash, input.current))
        ? { passed: true, value: null }
        : { passed: false, reason: 'bad_password' };
    }
  );
  if (checked.outcome === 'throttled') {
    return {
      ok: false,
      field: 'current',
      message: `Too many attempts with a wrong current password. Wait ${minutesText(checked.retryAfterMinutes)} and try again.`,
      status: 429
    };
  }
  if (checked.outcome === 'failed') {
    return { ok: false, field: 'current', message: 'Your current password is not correct' };
  }
  const problem = passwordProblem(input.password, {
    email: user.email,
    displayName: user.displayName
  });
  if (problem) return { ok: false, field: 'password', message: problem };
  if (input.password !== input.confirm) {
    return { ok: false, field: 'confirm', message: 'The passwords do not match' };
  }
  if (input.password === input.current) {
    return {
      ok: false,
      field: 'password',
      message: 'Choose a password different from your current one'
    };
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await tx.delete(demoCredentials).where(eq(demoCredentials.userId, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, currentSessionId)));
    await recordAudit(tx, {
      userId: user.id,
      // The throttle reads this: knowing the password clears the account's earlier failures.
      actorLabel: normaliseEmail(user.email),
      entity: 'user',
      entityId: user.id,
      action: 'password_changed',
      ipAddress
    });
  });
  return { ok: true };
}
