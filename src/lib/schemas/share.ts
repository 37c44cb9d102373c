import { z } from 'zod';
import { isIsoDate } from '$lib/domain/dates';
import { SHARE_LABEL_MAX } from '$lib/domain/present/share-links';

/**
 * A new share link: which scenario, what it is for, and its last day. Whether the date is
 * within a year of today is checked with today's date by the action (shareExpiryProblem).
 */
export const shareLinkSchema = z.object({
  scenarioId: z.uuid({ error: 'Choose a scenario' }),
  label: z
    .string()
    .trim()
    .min(1, { error: 'Say who or what the link is for' })
    .max(SHARE_LABEL_MAX, {
      error: `Who or what the link is for must be ${SHARE_LABEL_MAX} characters or fewer`
    }),
  expiresOn: z
    .string()
    .trim()
    .refine(isIsoDate, { error: 'Enter the expiry date as a real date, like 2027-03-31' })
});

export const revokeShareSchema = z.object({
  linkId: z.uuid({ error: 'Choose a link to revoke' })
});
