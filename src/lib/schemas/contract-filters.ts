import { z } from 'zod';

export const LGR_TREATMENTS = [
  'undecided',
  'extend',
  'transfer',
  'novate',
  'host',
  'reprocure',
  'terminate',
  'expire'
] as const;
export type LgrTreatment = (typeof LGR_TREATMENTS)[number];

export const TREATMENT_LABELS: Record<LgrTreatment, string> = {
  undecided: 'Undecided',
  extend: 'Extend',
  transfer: 'Transfer to successor',
  novate: 'Novate',
  host: 'Host (inter-authority agreement)',
  reprocure: 'Re-procure',
  terminate: 'Terminate',
  expire: 'Let expire'
};

/** An invalid filter value is dropped, never an error: these come from shareable URLs. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const contractFiltersSchema = z.object({
  council: lenient(z.uuid()),
  treatment: lenient(z.enum(LGR_TREATMENTS)),
  q: lenient(z.string().trim().min(1).max(200)),
  endsWithin: lenient(z.coerce.number().int().min(0).max(120)),
  notice: lenient(z.literal('due').transform(() => true)),
  undecided: lenient(z.literal('yes').transform(() => true)),
  sort: z.enum(['end', 'deadline', 'supplier', 'title', 'value']).catch('end'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export type ContractFilters = z.infer<typeof contractFiltersSchema>;

/**
 * Empty values are left out: the filter form sends `endsWithin=` for "Any time", which would
 * otherwise coerce to 0 months and match almost nothing.
 */
export function parseContractFilters(params: URLSearchParams): ContractFilters {
  return contractFiltersSchema.parse(
    Object.fromEntries([...params].filter(([, value]) => value.trim() !== ''))
  );
}

/** The query string for these filters, e.g. for pagination and sort links. */
export function contractFiltersQuery(
  f: ContractFilters,
  change: Partial<Record<keyof ContractFilters, string | number | undefined>> = {}
): string {
  const values: Record<string, string | number | boolean | undefined> = {
    ...f,
    notice: f.notice ? 'due' : undefined,
    undecided: f.undecided ? 'yes' : undefined,
    ...change
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === false) continue;
    if (
      (key === 'page' && value === 1) ||
      (key === 'sort' && value === 'end') ||
      (key === 'dir' && value === 'asc')
    )
      continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
