import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import { generateSessionToken, sessionIdFromToken } from '../auth/tokens';
import type { DatabaseOrTransaction, Database, Transaction } from '../db';
import { lockedRole } from '../db/queries/programmes';
import { calendarFeeds, programmeMembers, programmes, users } from '../db/schema';

/**
 * Secret calendar addresses. The token is made and hashed exactly as a session token is
 * (160 random bits; only the SHA-256 is stored), and looked up by that hash through a unique
 * index: nothing compares the secret itself, so response times say nothing about it.
 */
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** The person's live address for this programme, if any (never its token: that is not stored). */
export async function activeCalendarFeed(db: Database, userId: string, programmeId: string) {
  const [feed] = await db
    .select({
      id: calendarFeeds.id,
      createdAt: calendarFeeds.createdAt,
      lastUsedAt: calendarFeeds.lastUsedAt
    })
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.userId, userId),
        eq(calendarFeeds.programmeId, programmeId),
        isNull(calendarFeeds.revokedAt)
      )
    )
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return feed ?? null;
}

/**
 * A new address for the person, replacing (revoking) any they had for this programme, so
 * there is only ever one to keep safe. Returns the token: shown once, never stored. Null when
 * they stopped being a member since the page checked (the row is locked while the address is
 * written, so a removal in progress is waited for rather than failing on the foreign key).
 */
export async function createCalendarFeed(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  ipAddress: string | null
): Promise<{ token: string; id: string } | null> {
  const token = generateSessionToken();
  return db.transaction(async (tx) => {
    if (!(await lockedRole(tx, programmeId, actor.id, 'share'))) return null;
    const revoked = await revokeActive(tx, actor.id, programmeId);
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ programmeId, userId: actor.id, tokenHash: sessionIdFromToken(token) })
      .returning({ id: calendarFeeds.id });
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'calendar_feed',
      entityId: feed!.id,
      action: 'calendar_feed_created',
      after: { replaced: revoked },
      ipAddress
    });
    return { token, id: feed!.id };
  });
}

/** Ends the person's address for this programme; false when they had none. */
export async function revokeCalendarFeed(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  ipAddress: string | null
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await revokeActive(tx, actor.id, programmeId);
    if (revoked.length === 0) return false;
    for (const id of revoked) {
      await recordAudit(tx, {
        userId: actor.id,
        programmeId,
        entity: 'calendar_feed',
        entityId: id,
        action: 'calendar_feed_revoked',
        ipAddress
      });
    }
    return true;
  });
}

/**
 * Inside a member's removal: deletes every address the person had for the programme, live or
 * revoked, one audit event each. Deleted rather than revoked, so nothing is left that adding
 * them back could bring to life; the foreign key to the membership would delete them anyway,
 * but without saying so in the audit log.
 */
export async function deleteFeedsOfMember(
  tx: Transaction,
  actor: SessionUser,
  programmeId: string,
  memberId: string,
  ipAddress: string | null
): Promise<number> {
  const rows = await tx
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, memberId), eq(calendarFeeds.programmeId, programmeId)))
    .returning({ id: calendarFeeds.id, revokedAt: calendarFeeds.revokedAt });
  for (const row of rows) {
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'calendar_feed',
      entityId: row.id,
      action: 'calendar_feed_deleted',
      before: { memberId, revoked: row.revokedAt !== null },
      after: { reason: 'member_removed' },
      ipAddress
    });
  }
  return rows.length;
}

async function revokeActive(
  tx: DatabaseOrTransaction,
  userId: string,
  programmeId: string
): Promise<string[]> {
  const rows = await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.userId, userId),
        eq(calendarFeeds.programmeId, programmeId),
        isNull(calendarFeeds.revokedAt)
      )
    )
    .returning({ id: calendarFeeds.id });
  return rows.map((r) => r.id);
}

/**
 * The feed behind a token, or null when the token is malformed, unknown or revoked, or its
 * owner is disabled or no longer a member of the programme: all of those are a plain 404.
 */
export async function findCalendarFeed(db: Database, token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({
      id: calendarFeeds.id,
      programmeId: programmes.id,
      slug: programmes.slug,
      name: programmes.name,
      vestingDate: programmes.vestingDate,
      updatedAt: programmes.updatedAt
    })
    .from(calendarFeeds)
    .innerJoin(programmes, eq(programmes.id, calendarFeeds.programmeId))
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(
      programmeMembers,
      and(
        eq(programmeMembers.programmeId, calendarFeeds.programmeId),
        eq(programmeMembers.userId, calendarFeeds.userId)
      )
    )
    .where(
      and(
        eq(calendarFeeds.tokenHash, sessionIdFromToken(token)),
        isNull(calendarFeeds.revokedAt),
        isNull(users.disabledAt)
      )
    );
  return row ?? null;
}

export type CalendarFeed = NonNullable<Awaited<ReturnType<typeof findCalendarFeed>>>;

export async function markCalendarFeedUsed(db: Database, feedId: string) {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: new Date() })
    .where(eq(calendarFeeds.id, feedId));
}
