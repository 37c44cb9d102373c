import { z } from 'zod';
import { parsePounds, penceForInput } from '#lib/domain/money.ts';
import { optionalLine, requiredLine } from './text';

export const HOSTING = ['on_premises', 'hosted', 'saas'] as const;
export const TIME_DISPOSITIONS = ['tolerate', 'invest', 'migrate', 'eliminate'] as const;
export type Hosting = (typeof HOSTING)[number];
export type TimeDisposition = (typeof TIME_DISPOSITIONS)[number];

export const HOSTING_LABELS: Record<Hosting, string> = {
  on_premises: 'On premises',
  hosted: 'Hosted',
  saas: 'Software as a service'
};

/** Gartner's TIME model: what to do with each system. */
export const TIME_LABELS: Record<TimeDisposition, string> = {
  tolerate: 'Tolerate',
  invest: 'Invest',
  migrate: 'Migrate',
  eliminate: 'Eliminate'
};

export const MAX_SYSTEM_USERS = 10_000_000;

/** '' (the "Not known" option) is null; anything else must be one of the values. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .default('')
    .transform((v) => (v === '' ? null : v))
    .pipe(z.enum(values, { error: message }).nullable());

/** The fields as the form sends them (strings); the server checks the ids are this programme's. */
export const systemSchema = z
  .object({
    councilId: z.uuid({ error: 'Choose the council that runs this system' }),
    serviceAreaId: z
      .string()
      .default('')
      .transform((v) => (v === '' ? null : v))
      .pipe(z.uuid({ error: 'Choose a service area from the list' }).nullable()),
    name: requiredLine('Name', 200, 'Enter the system’s name'),
    product: optionalLine('Product', 200),
    vendor: optionalLine('Vendor', 200),
    hosting: optionalChoice(HOSTING, 'Choose how the system is hosted'),
    users: z
      .string()
      .default('')
      .transform((v, ctx) => {
        const text = v.replace(/[\s,]/g, '');
        if (text === '') return null;
        const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
        if (Number.isInteger(n) && n <= MAX_SYSTEM_USERS) return n;
        ctx.addIssue({
          code: 'custom',
          message: /^-\d/.test(text)
            ? 'Number of users cannot be negative'
            : /^\d+$/.test(text)
              ? 'Number of users must be 10,000,000 or fewer'
              : 'Enter the number of users as a whole number, like 250'
        });
        return z.NEVER;
      }),
    annualCost: z
      .string()
      .default('')
      .transform((v, ctx) => {
        const parsed = parsePounds(v.slice(0, 1000), 'Annual cost');
        if (parsed.ok) return parsed.pence;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }),
    lifecycle: optionalLine('Lifecycle', 200),
    timeDisposition: optionalChoice(TIME_DISPOSITIONS, 'Choose a TIME disposition'),
    dayOneCritical: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
    version: z.coerce
      .number({ error: 'The form is out of date: reload the page' })
      .int()
      .min(1)
      .optional()
  })
  .transform(({ annualCost, ...rest }) => ({ ...rest, annualCostPence: annualCost }));

export type SystemInput = z.infer<typeof systemSchema>;
export type SystemFields = Omit<SystemInput, 'version'>;

/** Input names of the form, in order: what the actions read. */
export const SYSTEM_FORM_FIELDS = [
  'councilId',
  'serviceAreaId',
  'name',
  'product',
  'vendor',
  'hosting',
  'users',
  'annualCost',
  'lifecycle',
  'timeDisposition',
  'dayOneCritical',
  'version'
] as const;

export const SYSTEM_FIELD_LABELS: Record<keyof SystemFields, string> = {
  name: 'Name',
  councilId: 'Council',
  serviceAreaId: 'Service area',
  product: 'Product',
  vendor: 'Vendor',
  hosting: 'Hosting',
  users: 'Users',
  annualCostPence: 'Annual cost',
  lifecycle: 'Lifecycle',
  timeDisposition: 'TIME disposition',
  dayOneCritical: 'Critical on day one'
};

/** A saved system as the form's strings, to fill the change form. */
export function systemFormValues(s: SystemFields): Record<string, string> {
  return {
    councilId: s.councilId,
    serviceAreaId: s.serviceAreaId ?? '',
    name: s.name,
    product: s.product ?? '',
    vendor: s.vendor ?? '',
    hosting: s.hosting ?? '',
    users: s.users === null ? '' : String(s.users),
    annualCost: s.annualCostPence === null ? '' : penceForInput(s.annualCostPence),
    lifecycle: s.lifecycle ?? '',
    timeDisposition: s.timeDisposition ?? '',
    dayOneCritical: s.dayOneCritical ? 'yes' : ''
  };
}
