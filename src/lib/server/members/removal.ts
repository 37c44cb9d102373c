import { and, eq } from 'drizzle-orm';
import { todayUtc, type IsoDate } from '#lib/domain/dates.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import { activeCalendarFeed, deleteFeedsOfMember } from '../calendar/feeds';
import type { Database } from '../db';
import { lockedRole, type MemberRole } from '../db/queries/programmes';
import { programmeMembers, users } from '../db/schema';
import { listShareLinks, type ShareLinkListItem } from '../present/share-link-list';
import { revokeLinksMadeBy } from '../present/share-links';
import { ownerCount } from './owners';

/**
 * Ending a membership ends what it gave. The person's calendar addresses for the programme
 * are deleted (not revoked: adding them back must never revive one), and the share links they
 * made that still work are revoked too unless the owner chooses to keep them (see
 * `shareCreatorStanding` for why that is the default, and what happens to the kept ones). All
 * of it happens in the transaction that removes the membership, with an audit event each.
 */
export interface MemberRemoval {
  member: {
    userId: string;
    displayName: string;
    email: string;
    role: MemberRole;
    disabled: boolean;
  };
  /** Links they made that still work, newest first. */
  shareLinks: ShareLinkListItem[];
  /** Whether they have a calendar address for the programme that works. */
  calendarAddress: boolean;
  /** Why they cannot be removed, or null. */
  blocker: string | null;
}

const LAST_OWNER = 'A programme needs at least one owner';

/** What removing this member would end, for the confirmation page; null when not a member. */
export async function memberRemoval(
  db: Database,
  programmeId: string,
  userId: string,
  today: IsoDate
): Promise<MemberRemoval | null> {
  const [member] = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: programmeMembers.role,
      disabledAt: users.disabledAt
    })
    .from(programmeMembers)
    .innerJoin(users, eq(users.id, programmeMembers.userId))
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.userId, userId)));
  if (!member) return null;
  const [links, feed, owners] = await Promise.all([
    listShareLinks(db, programmeId, today, userId),
    activeCalendarFeed(db, userId, programmeId),
    member.role === 'owner' ? ownerCount(db, programmeId) : 2
  ]);
  const { disabledAt, ...rest } = member;
  return {
    member: { ...rest, disabled: disabledAt !== null },
    shareLinks: links,
    calendarAddress: feed !== null,
    blocker: owners <= 1 ? LAST_OWNER : null
  };
}

export type RemovalOutcome =
  | { ok: true; calendarFeedsDeleted: number; shareLinksRevoked: number; shareLinksKept: number }
  | { ok: false; reason: 'not-member' | 'last-owner'; field: 'userId'; message: string };

export async function removeMember(
  db: Database,
  actor: SessionUser,
  programmeId: string,
  userId: string,
  ipAddress: string | null,
  choice: { revokeShareLinks: boolean } = { revokeShareLinks: true }
): Promise<RemovalOutcome> {
  const today = todayUtc();
  return db.transaction(async (tx) => {
    // Locked until the end: a link or address the member is making waits, then sees them gone.
    const before = await lockedRole(tx, programmeId, userId, 'update');
    if (!before) {
      return {
        ok: false as const,
        reason: 'not-member' as const,
        field: 'userId' as const,
        message: 'That person is not a member'
      };
    }
    if (before === 'owner' && (await ownerCount(tx, programmeId)) <= 1) {
      return {
        ok: false as const,
        reason: 'last-owner' as const,
        field: 'userId' as const,
        message: LAST_OWNER
      };
    }
    const calendarFeedsDeleted = await deleteFeedsOfMember(
      tx,
      actor,
      programmeId,
      userId,
      ipAddress
    );
    const revoked = choice.revokeShareLinks
      ? await revokeLinksMadeBy(tx, actor, programmeId, userId, today, ipAddress)
      : [];
    const kept = choice.revokeShareLinks
      ? []
      : await listShareLinks(tx, programmeId, today, userId);
    await tx
      .delete(programmeMembers)
      .where(
        and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.userId, userId))
      );
    await recordAudit(tx, {
      userId: actor.id,
      programmeId,
      entity: 'member',
      entityId: userId,
      action: 'member_removed',
      before: { role: before },
      after: {
        calendarFeedsDeleted,
        shareLinksRevoked: revoked.length,
        // Kept on purpose: the share page marks them as made by someone no longer a member.
        shareLinksKept: kept.map((l) => l.id)
      },
      ipAddress
    });
    return {
      ok: true as const,
      calendarFeedsDeleted,
      shareLinksRevoked: revoked.length,
      shareLinksKept: kept.length
    };
  });
}
