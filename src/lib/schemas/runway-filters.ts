import { z } from 'zod';
import { isIsoDate } from '#lib/domain/dates.ts';
import { LGR_TREATMENTS } from './contract-filters';

/** An invalid filter value is dropped, never an error: these come from shareable URLs. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const isoDate = z.string().refine(isIsoDate);

/**
 * The runway's filters, all in the query string so a view can be bookmarked and shared.
 * `from` and `before` pick contracts whose current end is on or after `from` and before
 * `before`; the cliff chart links each quarter to that pair.
 */
export const runwayFiltersSchema = z.object({
  lanes: z.enum(['council', 'supplier']).catch('council'),
  council: lenient(z.uuid()),
  treatment: lenient(z.enum(LGR_TREATMENTS)),
  from: lenient(isoDate),
  before: lenient(isoDate)
});

export type RunwayFilters = z.infer<typeof runwayFiltersSchema>;

export function parseRunwayFilters(params: URLSearchParams): RunwayFilters {
  return runwayFiltersSchema.parse(Object.fromEntries(params));
}

/** The query string for these filters with some changed, e.g. for the lane switch. */
export function runwayFiltersQuery(
  f: RunwayFilters,
  change: Partial<Record<keyof RunwayFilters, string | undefined>> = {}
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...f, ...change })) {
    if (value === undefined || value === '' || (key === 'lanes' && value === 'council')) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
