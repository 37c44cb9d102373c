import { z } from 'zod';
import { gssCodeProblem } from '#lib/domain/gss.ts';
import { optionalLine, requiredLine } from './text';

export const councilSchema = z.object({
  name: requiredLine('Name', 200, 'Enter the council’s name'),
  role: z.enum(['predecessor', 'successor'], {
    error: 'Choose whether the council is merging or new'
  }),
  kind: z.enum(['county', 'district', 'unitary', 'metropolitan', 'london_borough'], {
    error: 'Choose the kind of council'
  }),
  gssCode: optionalLine('GSS code', 9)
    .transform((v) => v?.toUpperCase() ?? null)
    .superRefine((v, ctx) => {
      const problem = v ? gssCodeProblem(v) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  website: optionalLine('Website', 300).superRefine((v, ctx) => {
    if (v && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a website address starting https://, like https://www.council.gov.uk'
      });
    }
  }),
  m365Tenant: optionalLine('Tenant domain', 253).superRefine((v, ctx) => {
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
