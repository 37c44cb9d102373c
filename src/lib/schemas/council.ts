import { z } from 'zod';
import { gssCodeProblem } from '$lib/domain/gss';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .default('')
    .transform((v) => (v === '' ? null : v));

export const councilSchema = z.object({
  name: z
    .string({ error: 'Enter the council’s name' })
    .trim()
    .min(1, 'Enter the council’s name')
    .max(200, 'Name must be 200 characters or fewer'),
  role: z.enum(['predecessor', 'successor'], {
    error: 'Choose whether the council is merging or new'
  }),
  kind: z.enum(['county', 'district', 'unitary', 'metropolitan', 'london_borough'], {
    error: 'Choose the kind of council'
  }),
  gssCode: optionalText(9, 'GSS code')
    .transform((v) => v?.toUpperCase() ?? null)
    .superRefine((v, ctx) => {
      const problem = v ? gssCodeProblem(v) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  website: optionalText(300, 'Website').superRefine((v, ctx) => {
    if (v && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a website address starting https://, like https://www.council.gov.uk'
      });
    }
  }),
  m365Tenant: optionalText(253, 'Tenant domain').superRefine((v, ctx) => {
    if (v && !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a tenant domain, like council.onmicrosoft.com'
      });
    }
  }),
  version: z.coerce
    .number({ error: 'The form is out of date: reload the page' })
    .int()
    .min(1)
    .optional()
});

export type CouncilInput = z.infer<typeof councilSchema>;

export const COUNCIL_FIELD_LABELS: Record<
  keyof Omit<CouncilInput, 'version'> | 'successors',
  string
> = {
  name: 'Name',
  role: 'Role',
  kind: 'Kind',
  gssCode: 'GSS code',
  website: 'Website',
  m365Tenant: 'Microsoft 365 tenant',
  successors: 'Becomes part of'
};
