import { and, count, eq, gt, inArray, max, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db';
import { auditEvents } from '../db/schema';
import { recordAudit } from '../audit';
import { withKeyLocks } from './keyed-lock';

/**
 * Password throttling (OWASP ASVS V6.3) for every place a password is checked: signing in and
 * changing your password draw on one budget per account and one per address. Failures are
 * counted from the audit log, so the limits hold across several app instances sharing one
 * database and survive restarts.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account (by the email typed) before it is locked for the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one address, across any accounts, before that address is held back. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** What each kind of check writes to the audit log. */
const PURPOSES = {
  sign_in: { entity: 'session', failed: 'sign_in_failed', throttled: 'sign_in_throttled' },
  change_password: {
    entity: 'user',
    failed: 'password_change_failed',
    throttled: 'password_change_throttled'
  }
} as const;

export type PasswordCheckPurpose = keyof typeof PURPOSES;

const FAILED_ACTIONS = Object.values(PURPOSES).map((p) => p.failed);
/** Events that prove the account's password was known: earlier failures no longer count. */
const PROVEN_ACTIONS = ['sign_in', 'password_changed'];

// Two-key advisory locks (class, hashtext(key)) live apart from the app's one-key locks.
// Accounts are always locked before addresses, so two attempts can never wait on each other.
const ACCOUNT_LOCK_CLASS = 73_540_201;
const ADDRESS_LOCK_CLASS = 73_540_202;

export interface PasswordAttempt {
  purpose: PasswordCheckPurpose;
  /** The normalised email typed or signed in with: the account's failures are counted by it. */
  account: string;
  ipAddress: string | null;
  /** The account's user, when there is one, for the audit log. */
  userId?: string | null;
  /** The audited entity id, e.g. the user whose password change failed. */
  entityId?: string | null;
}

/**
 * `passed` with whatever the caller wants back (e.g. the user), or why the check failed
 * (audited as the failure's reason, with the user if there is one).
 */
export type CheckVerdict<T> =
  { passed: true; value: T } | { passed: false; reason: string; userId?: string };

export type GuardedCheck<T> =
  | { outcome: 'passed'; value: T }
  | { outcome: 'failed' }
  | { outcome: 'throttled'; retryAfterMinutes: number };

/**
 * Counts the recent failures, runs `check` (the password hash comparison) and records a failure
 * as one step per account and per address: a transaction-level advisory lock on each is held
 * throughout, so parallel guesses queue up and the limit is exact, across instances too. While
 * throttled, `check` is not run at all, so guessing gains nothing. `check` gets the transaction
 * for any reads it needs (on PGlite nothing else may be used inside it).
 *
 * The price: attempts on one account or from one address are checked one at a time (an argon2
 * comparison, about 30 ms here), and on PGlite, where a transaction has the database to
 * itself, other queries wait for it too. Waiting attempts queue in memory (keyed-lock.ts), not
 * on pooled connections.
 */
export async function guardedPasswordCheck<T>(
  db: Database,
  attempt: PasswordAttempt,
  check: (tx: Transaction) => Promise<CheckVerdict<T>>
): Promise<GuardedCheck<T>> {
  const { purpose, account, ipAddress } = attempt;
  const keys = [`account:${account}`, ...(ipAddress ? [`address:${ipAddress}`] : [])];
  return withKeyLocks(keys, () =>
    db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_CLASS}::int4, hashtext(${account}))`
      );
      if (ipAddress) {
        await tx.execute(
          sql`select pg_advisory_xact_lock(${ADDRESS_LOCK_CLASS}::int4, hashtext(${ipAddress}))`
        );
      }
      const audit = {
        userId: attempt.userId ?? null,
        actorLabel: account,
        entity: PURPOSES[purpose].entity,
        entityId: attempt.entityId ?? null,
        ipAddress
      };
      // The clock is read once the locks are held: the wait for them may have been long.
      const wait = await retryAfter(tx, account, ipAddress, new Date());
      if (wait !== null) {
        await recordAudit(tx, { ...audit, action: PURPOSES[purpose].throttled });
        return { outcome: 'throttled' as const, retryAfterMinutes: wait };
      }
      const verdict = await check(tx);
      if (verdict.passed) return { outcome: 'passed' as const, value: verdict.value };
      await recordAudit(tx, {
        ...audit,
        userId: verdict.userId ?? audit.userId,
        action: PURPOSES[purpose].failed,
        after: { reason: verdict.reason }
      });
      return { outcome: 'failed' as const };
    })
  );
}

/** Minutes to wait if the account or the address has used up its failures, else null. */
async function retryAfter(
  tx: Transaction,
  account: string,
  ipAddress: string | null,
  now: Date
): Promise<number | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [lastProof] = await tx
    .select({ at: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorLabel, account),
        inArray(auditEvents.action, PROVEN_ACTIONS),
        gt(auditEvents.occurredAt, since)
      )
    );
  const accountSince = lastProof?.at && lastProof.at > since ? lastProof.at : since;
  const [byAccount] = await tx
    .select({ n: count(), latest: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorLabel, account),
        inArray(auditEvents.action, FAILED_ACTIONS),
        gt(auditEvents.occurredAt, accountSince)
      )
    );
  if ((byAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) {
    return minutesUntil(byAccount?.latest ?? now, now);
  }
  if (!ipAddress) return null;
  const [byAddress] = await tx
    .select({ n: count(), latest: max(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.ipAddress, ipAddress),
        inArray(auditEvents.action, FAILED_ACTIONS),
        gt(auditEvents.occurredAt, since)
      )
    );
  if ((byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    return minutesUntil(byAddress?.latest ?? now, now);
  }
  return null;
}

function minutesUntil(latestFailure: Date, now: Date): number {
  const ms = latestFailure.getTime() + THROTTLE_WINDOW_MS - now.getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** "1 minute", "15 minutes": for the "wait and try again" messages. */
export function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
