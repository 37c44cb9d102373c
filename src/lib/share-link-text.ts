import { formatLongDate, type IsoDate } from '#lib/domain/dates.ts';
import {
  SHARE_CREATOR_PROBLEMS,
  type ShareCreatorStanding
} from '#lib/domain/present/share-links.ts';

/** What a share link shows, in the words of the share page and the removal confirmation. */
export function shareLinkShows(link: {
  scenarioName: string;
  approval: { approvedBy: string; approvedOn: IsoDate } | null;
}): string {
  return link.approval
    ? `Plan as approved by ${link.approval.approvedBy} on ${formatLongDate(link.approval.approvedOn)} (${link.scenarioName})`
    : `Live plan: ${link.scenarioName}`;
}

/** Who made a link, and why they can no longer share if so: "Ann Lee (no longer a member)". */
export function shareLinkMaker(link: {
  createdBy: string | null;
  creatorStanding: ShareCreatorStanding;
}): string {
  if (link.creatorStanding === 'can-share') return link.createdBy ?? '';
  const problem = SHARE_CREATOR_PROBLEMS[link.creatorStanding];
  return link.createdBy ? `${link.createdBy} (${problem})` : `Not known (${problem})`;
}
