import { z } from 'zod';
import { parseDateParts } from '#lib/domain/date-input.ts';
import { COMMENT_MAX_LENGTH } from '#lib/domain/review/index.ts';
import { lineText, multilineText } from './text';

const body = multilineText('Comment', { error: 'Enter a comment' })
  .min(1, 'Enter a comment')
  .max(COMMENT_MAX_LENGTH, `Comment must be ${COMMENT_MAX_LENGTH} characters or fewer`);

export const addCommentSchema = z.object({
  targetKind: z.enum(['scenario', 'roadmap_item', 'check', 'contract'], {
    error: 'Say what the comment is about'
  }),
  targetId: z.string({ error: 'Say what the comment is about' }).trim().min(1).max(64),
  parentId: z
    .union([z.literal(''), z.uuid()], { error: 'That thread no longer exists' })
    .optional()
    .transform((v) => v || null),
  body
});

export const editCommentSchema = z.object({
  commentId: z.uuid({ error: 'That comment no longer exists' }),
  version: z.coerce.number().int().min(1),
  body
});

export const resolveSchema = z.object({
  commentId: z.uuid({ error: 'That thread no longer exists' }),
  version: z.coerce.number().int().min(1)
});

export const approvalSchema = z
  .object({
    scenarioId: z.uuid({ error: 'Choose the scenario that was approved' }),
    approvedBy: lineText('Who approved it', { error: 'Enter who approved it' })
      .min(1, 'Enter who approved it, for example the shadow executive')
      .max(200, 'Who approved it must be 200 characters or fewer'),
    'approvedOn-day': z.string().default(''),
    'approvedOn-month': z.string().default(''),
    'approvedOn-year': z.string().default('')
  })
  .transform((v, ctx) => {
    const date = parseDateParts(
      'Date of approval',
      v['approvedOn-day'],
      v['approvedOn-month'],
      v['approvedOn-year']
    );
    if (!date.ok) {
      ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: date.message });
      return z.NEVER;
    }
    return { scenarioId: v.scenarioId, approvedBy: v.approvedBy, approvedOn: date.date };
  });
