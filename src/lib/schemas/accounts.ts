import { z } from 'zod';
import { passwordProblem } from '#lib/domain/password-policy.ts';
import { lineText, requiredLine } from './text';

const email = lineText('Email address', { error: 'Enter an email address' })
  .min(1, 'Enter an email address')
  .max(320, 'Email address must be 320 characters or fewer')
  .regex(
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    'Enter an email address in the correct format, like name@council.gov.uk'
  );

const displayName = requiredLine('Name', 120, 'Enter a name');

export const memberRoleSchema = z.enum(['owner', 'editor', 'viewer'], {
  error: 'Choose a role: owner, editor or viewer'
});

export const newUserSchema = z.object({
  email,
  displayName,
  isAdmin: z.enum(['yes', 'no']).default('no')
});

// Passwords are left exactly as typed, not normalised like the text fields: never shown or
// written anywhere, and changing them here would stop existing ones matching their hashes.
export const firstAdminSchema = z
  .object({ email, displayName, password: z.string().max(1024), confirm: z.string().max(1024) })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, { email: value.email });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (value.password !== value.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match' });
    }
  });

export const changePasswordSchema = z.object({
  current: z
    .string()
    .min(1, 'Enter your current password')
    .max(1024, 'Password must be 1024 characters or fewer'),
  password: z.string().max(1024, 'Password must be 1024 characters or fewer'),
  confirm: z.string().max(1024)
});

export const addMemberSchema = z.object({ email, role: memberRoleSchema });

export const changeRoleSchema = z.object({
  userId: z.uuid({ error: 'Choose a member' }),
  role: memberRoleSchema
});

export const userIdSchema = z.object({ userId: z.uuid({ error: 'Choose a user' }) });

export const sessionIdSchema = z.object({
  sessionId: z.string().regex(/^[0-9a-f]{64}$/, 'Choose a session')
});
