import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { IsoDate } from '#lib/domain/dates.ts';
import {
  shareCreatorStanding,
  shareLinkStatus,
  type ShareCreatorStanding,
  type ShareLinkStatus
} from '#lib/domain/present/share-links.ts';
import type { DatabaseOrTransaction } from '../db';
import {
  programmeMembers,
  roadmapApprovals,
  roadmapScenarios,
  shareLinks,
  users
} from '../db/schema';

export interface ShareLinkListItem {
  id: string;
  label: string;
  scenarioName: string;
  /** Set when the link shows an approved baseline rather than the live plan. */
  approval: { approvedBy: string; approvedOn: IsoDate } | null;
  /** The maker's name; null when their account has been deleted. */
  createdBy: string | null;
  /** Whether the maker could still make this link (see `shareCreatorStanding`). */
  creatorStanding: ShareCreatorStanding;
  createdAt: Date;
  expiresOn: IsoDate;
  revokedAt: Date | null;
  viewCount: number;
  firstViewedAt: Date | null;
  lastViewedAt: Date | null;
  status: ShareLinkStatus;
}

/**
 * The programme's links, newest first, with their status as of `today` and who made them;
 * `madeBy` narrows them to one person's that still work (the removal confirmation lists those).
 */
export async function listShareLinks(
  db: DatabaseOrTransaction,
  programmeId: string,
  today: IsoDate,
  madeBy?: string
): Promise<ShareLinkListItem[]> {
  const rows = await db
    .select({
      id: shareLinks.id,
      label: shareLinks.label,
      scenarioName: roadmapScenarios.name,
      approvedBy: roadmapApprovals.approvedBy,
      approvedOn: roadmapApprovals.approvedOn,
      creatorId: users.id,
      createdBy: users.displayName,
      creatorDisabledAt: users.disabledAt,
      creatorRole: programmeMembers.role,
      createdAt: shareLinks.createdAt,
      expiresOn: shareLinks.expiresOn,
      revokedAt: shareLinks.revokedAt,
      viewCount: shareLinks.viewCount,
      firstViewedAt: shareLinks.firstViewedAt,
      lastViewedAt: shareLinks.lastViewedAt
    })
    .from(shareLinks)
    .innerJoin(roadmapScenarios, eq(roadmapScenarios.id, shareLinks.scenarioId))
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .leftJoin(
      programmeMembers,
      and(
        eq(programmeMembers.programmeId, shareLinks.programmeId),
        eq(programmeMembers.userId, shareLinks.createdBy)
      )
    )
    .leftJoin(roadmapApprovals, eq(roadmapApprovals.id, shareLinks.baselineId))
    .where(
      and(
        eq(shareLinks.programmeId, programmeId),
        madeBy
          ? and(
              eq(shareLinks.createdBy, madeBy),
              isNull(shareLinks.revokedAt),
              gte(shareLinks.expiresOn, today)
            )
          : undefined
      )
    )
    .orderBy(desc(shareLinks.createdAt));
  return rows.map(
    ({ approvedBy, approvedOn, creatorId, creatorDisabledAt, creatorRole, ...r }) => ({
      ...r,
      approval: approvedBy && approvedOn ? { approvedBy, approvedOn } : null,
      creatorStanding: shareCreatorStanding(
        creatorId ? { role: creatorRole, disabled: creatorDisabledAt !== null } : null
      ),
      status: shareLinkStatus(r, today)
    })
  );
}
