import { z } from 'zod';
import { CHECK_SETTING_LABELS, CHECK_SETTING_LIMITS } from '#lib/domain/checks/settings.ts';
import { optionalLine, requiredLine } from './text';

const version = z.coerce
  .number({ error: 'The form is out of date: reload the page' })
  .int()
  .min(0, 'The form is out of date: reload the page');

export const TENANCY_STATUSES = [
  'in_target',
  'migration_planned',
  'cross_tenant',
  'not_started',
  'unknown'
] as const;
export const FINANCE_MOVES = ['migrated', 'hosted', 'not_planned'] as const;
export const REDIRECT_PLANS = ['live', 'planned', 'none'] as const;
export const CONTROL_STATUSES = ['met', 'in_progress', 'not_met', 'not_applicable'] as const;

const blankToNull = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .default('')
    .transform((v) => (v === '' ? null : v))
    .pipe(z.enum(values, { error: message }).nullable());

export const predecessorFactsSchema = z.object({
  tenancyStatus: blankToNull(TENANCY_STATUSES, 'Choose the tenancy status'),
  financeMove: blankToNull(FINANCE_MOVES, 'Choose how finance moves'),
  financeHostCouncilId: z
    .string()
    .default('')
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid({ error: 'Choose the council that hosts finance' }).nullable()),
  redirectPlan: blankToNull(REDIRECT_PLANS, 'Choose the redirect plan'),
  legacyRouting: z
    .enum(['yes', 'no', ''], { error: 'Choose yes, no or not known' })
    .default('')
    .transform((v) => (v === '' ? null : v === 'yes')),
  version
});

export const successorFactsSchema = z.object({
  targetTenant: optionalLine('Target tenant', 253).superRefine((v, ctx) => {
    if (v && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter the tenant as a domain, like norththornshire.onmicrosoft.com'
      });
    }
  }),
  financeSystemId: z
    .string()
    .default('')
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid({ error: 'Choose a system from the list' }).nullable()),
  websiteUrl: optionalLine('Website address', 300).superRefine((v, ctx) => {
    if (v && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter the website address starting https://, like https://www.council.gov.uk'
      });
    }
  }),
  version
});

export const controlSchema = z.object({
  name: requiredLine('Name', 120, 'Enter the control’s name'),
  description: optionalLine('Description', 500)
});

export const savingsLineSchema = z.object({
  programmeYear: z.coerce
    .number({ error: 'Choose the programme year' })
    .int('Choose the programme year')
    .min(1, 'Choose a programme year from 1 to 30')
    .max(30, 'Choose a programme year from 1 to 30'),
  category: z.enum(['digital', 'other'], {
    error: 'Choose whether the saving comes from digital and IT'
  }),
  description: requiredLine('Description', 300, 'Describe the saving')
});

const setting = (key: keyof typeof CHECK_SETTING_LIMITS) => {
  const { min, max } = CHECK_SETTING_LIMITS[key];
  const message = `${CHECK_SETTING_LABELS[key]}: enter a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
};

export const checkSettingsSchema = z.object({
  contractHorizonMonths: setting('contractHorizonMonths'),
  noticeUrgentDays: setting('noticeUrgentDays'),
  securityExpiryMonths: setting('securityExpiryMonths'),
  savingsProtectedYears: setting('savingsProtectedYears'),
  cutoverMarginDays: setting('cutoverMarginDays'),
  version
});
