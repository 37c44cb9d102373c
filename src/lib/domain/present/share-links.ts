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
