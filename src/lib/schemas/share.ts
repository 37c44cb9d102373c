import { z } from 'zod';
import { isIsoDate } from '#lib/domain/dates.ts';
import { SHARE_LABEL_MAX } from '#lib/domain/present/share-links.ts';
import { lineText } from './text';

/**
 * A new share link: which plan (a scenario's live plan or an approved baseline), what it is for, and its last day. Whether the date is
 * within a year of today is checked with today's date by the action (shareExpiryProblem).
 */
const uuid = z.uuid();

/** What a link shows: `scenario:<id>` (the live plan) or `approval:<id>` (a frozen baseline). */
export const sharedPlanSchema = z
  .string({ error: 'Choose what to share' })
  .trim()
  .transform((value, ctx) => {
    const [kind, id, ...rest] = value.split(':');
    if (
      (kind === 'scenario' || kind === 'approval') &&
      rest.length === 0 &&
      uuid.safeParse(id).success
    ) {
      return { kind, id: id! } as { kind: 'scenario' | 'approval'; id: string };
    }
    ctx.addIssue({ code: 'custom', message: 'Choose what to share' });
    return z.NEVER;
  });

export const shareLinkSchema = z.object({
  plan: sharedPlanSchema,
  label: lineText('Who or what the link is for')
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
