import { z } from 'zod';
import { LGR_TREATMENTS } from './contract-filters';
import { optionalLine, optionalMultiline, requiredLine } from './text';

/** The plain fields of the contract form; dates, money and option rows are parsed beside it. */
export const contractFieldsSchema = z.object({
  councilId: z.uuid({ error: 'Choose the council that holds the contract' }),
  reference: requiredLine('Reference', 100, 'Enter the contract reference'),
  title: requiredLine('Title', 300, 'Enter the contract title'),
  description: optionalMultiline('Description', 5000),
  department: optionalLine('Department', 200),
  supplierName: requiredLine('Supplier name', 300, 'Enter the supplier’s name'),
  supplierCompanyNumber: optionalLine('Company number', 8)
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
  decisionNotes: optionalMultiline('Decision notes', 5000),
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
