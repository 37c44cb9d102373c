import { and, count, eq, gt, max } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { auditEvents } from '../db/schema';

/**
 * Sign-in throttling (OWASP ASVS V6.3): counted from the audit log's failed sign-ins, so it
 * holds across several app instances sharing one database and survives restarts.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account (by the email typed) before it is locked for the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one address, across any accounts, before that address is held back. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export async function checkSignInThrottle(
  db: DatabaseOrTransaction,
  email: string,
  ipAddress: string | null,
  now: Date = new Date()
): Promise<ThrottleDecision> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // A successful sign-in clears the account's earlier failures.
  const [lastSuccess] = await db
    .select({ at: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorLabel, email),
        eq(auditEvents.action, 'sign_in'),
        gt(auditEvents.occurredAt, since)
      )
    );
  const accountSince = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const [account] = await db
    .select({ n: count(), latest: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorLabel, email),
        eq(auditEvents.action, 'sign_in_failed'),
        gt(auditEvents.occurredAt, accountSince)
      )
    );
  if ((account?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) {
    return { allowed: false, retryAfterMinutes: minutesUntil(account?.latest ?? now, now) };
  }
  if (ipAddress) {
    const [address] = await db
      .select({ n: count(), latest: max(auditEvents.occurredAt) })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.ipAddress, ipAddress),
          eq(auditEvents.action, 'sign_in_failed'),
          gt(auditEvents.occurredAt, since)
        )
      );
    if ((address?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
      return { allowed: false, retryAfterMinutes: minutesUntil(address?.latest ?? now, now) };
    }
  }
  return { allowed: true };
}

function minutesUntil(latestFailure: Date, now: Date): number {
  const ms = latestFailure.getTime() + THROTTLE_WINDOW_MS - now.getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}
