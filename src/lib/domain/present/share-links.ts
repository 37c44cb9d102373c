import { addDays, type IsoDate } from '../dates';

/**
 * Share links: how long one may last and whether it still works. Pure, so the settings page,
 * the public page and the tests agree on when a link stops working.
 */
export const DEFAULT_SHARE_DAYS = 30;
/** A year at most: a link outlives the meeting it was made for, so it must not live forever. */
export const MAX_SHARE_DAYS = 366;
export const SHARE_LABEL_MAX = 120;

export type ShareLinkStatus = 'active' | 'expired' | 'revoked';

export const SHARE_STATUS_LABELS: Record<ShareLinkStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked'
};

/** The default expiry offered on the form: 30 days from today. */
export function defaultShareExpiry(today: IsoDate): IsoDate {
  return addDays(today, DEFAULT_SHARE_DAYS);
}

/** The latest expiry allowed for a link made today (one year on, inclusive). */
export function latestShareExpiry(today: IsoDate): IsoDate {
  return addDays(today, MAX_SHARE_DAYS - 1);
}

/** Why an expiry date cannot be used, or null when it can: today up to a year ahead. */
export function shareExpiryProblem(expiresOn: IsoDate, today: IsoDate): string | null {
  if (expiresOn < today) return 'The expiry date must be today or in the future';
  if (expiresOn > latestShareExpiry(today)) return 'The expiry date must be within a year';
  return null;
}

/**
 * Revoked wins over expired (it says someone acted). The expiry date is the last day the link
 * works, in UTC: on the day after, it has expired.
 */
export function shareLinkStatus(
  link: { expiresOn: IsoDate; revokedAt: Date | null },
  today: IsoDate
): ShareLinkStatus {
  if (link.revokedAt) return 'revoked';
  return today > link.expiresOn ? 'expired' : 'active';
}

/**
 * Whether the person who made a link could make it today: an editor or owner of the programme
 * whose account works ('can-share'), or why not. A deleted account leaves the link with no
 * maker ('unknown').
 *
 * What happens to a link whose maker can no longer share. Removing a member asks, and revokes
 * their working links unless the owner unticks the box (members/[member]/remove): that is the
 * moment someone is deciding about that person, so revoking is the default. The links an owner
 * chose to keep, and those whose maker lost the right some other way (made a viewer, account
 * disabled or deleted by an administrator), keep working but are marked on the share page. We
 * do not revoke those silently: a link is given to an audience on the programme's behalf (a
 * cabinet, a scrutiny committee), and cutting it off because the officer who made it moved on,
 * with nobody told, breaks a briefing mid-cycle. The mark puts the decision in front of the
 * editors, and no link outlives a year (MAX_SHARE_DAYS) however it is forgotten.
 */
export type ShareCreatorStanding = 'can-share' | 'viewer' | 'not-member' | 'disabled' | 'unknown';

export function shareCreatorStanding(
  creator: { role: 'owner' | 'editor' | 'viewer' | null; disabled: boolean } | null
): ShareCreatorStanding {
  if (!creator) return 'unknown';
  if (creator.disabled) return 'disabled';
  if (creator.role === null) return 'not-member';
  return creator.role === 'viewer' ? 'viewer' : 'can-share';
}

/** Why the maker cannot share any more, as the share page says beside their name. */
export const SHARE_CREATOR_PROBLEMS: Record<Exclude<ShareCreatorStanding, 'can-share'>, string> = {
  viewer: 'now a viewer, who cannot share',
  'not-member': 'no longer a member',
  disabled: 'account disabled',
  unknown: 'account deleted'
};
