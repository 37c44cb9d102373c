import { z } from 'zod';
import { LGR_TREATMENTS } from './contract-filters';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .default('')
    .transform((v) => (v === '' ? null : v));

const required = (max: number, missing: string, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`);

/** The plain fields of the contract form; dates, money and option rows are parsed beside it. */
export const contractFieldsSchema = z.object({
  councilId: z.uuid({ error: 'Choose the council that holds the contract' }),
  reference: required(100, 'Enter the contract reference', 'Reference'),
  title: required(300, 'Enter the contract title', 'Title'),
  description: text(5000, 'Description'),
  department: text(200, 'Department'),
  supplierName: required(300, 'Enter the supplier’s name', 'Supplier name'),
  supplierCompanyNumber: text(8, 'Company number')
    .transform((v) => v?.toUpperCase() ?? null)
    .superRefine((v, ctx) => {
      if (v && !/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(v)) {
        ctx.addIssue({
          code: 'custom',
          message:
            'Enter a Companies House number: 8 digits, or 2 letters and 6 digits, like SC123456'
        });
      }
    }),
  noticePeriodValue: z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      if (v === '') return null;
      if (!/^\d{1,4}$/.test(v) || Number(v) > 3650) {
        ctx.addIssue({
          code: 'custom',
          message: 'Notice period must be a whole number from 0 to 3650'
        });
        return z.NEVER;
      }
      return Number(v);
    }),
  noticePeriodUnit: z.enum(['days', 'months'], { error: 'Choose days or months' }).catch('months'),
  lgrTreatment: z.enum(LGR_TREATMENTS, { error: 'Choose what happens to the contract' }),
  decisionNotes: text(5000, 'Decision notes'),
  version: z.coerce.number().int().min(1).optional()
});

export type ContractFields = z.infer<typeof contractFieldsSchema>;

export const CONTRACT_DATE_FIELDS = [
  ['startDate', 'Start date'],
  ['endDate', 'End date'],
  ['reviewDate', 'Review date'],
  ['maxEndDate', 'Latest possible end date'],
  ['decisionDate', 'Decision date']
] as const;

export const MAX_OPTION_ROWS = 10;
