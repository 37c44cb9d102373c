import { z } from 'zod';
import { HOSTING, TIME_DISPOSITIONS } from './system';

export const SYSTEM_SORTS = ['name', 'council', 'vendor', 'cost'] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];

export const SYSTEM_SORT_LABELS: Record<SystemSort, string> = {
  name: 'Name',
  council: 'Council',
  vendor: 'Vendor',
  cost: 'Annual cost'
};

/** An invalid filter value is dropped, never an error: these come from shareable URLs. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The list's state, all in the query string so a filtered, sorted page can be bookmarked
 * and shared. `serviceArea=none` means systems with no service area.
 */
export const systemFiltersSchema = z.object({
  q: lenient(z.string().trim().min(1).max(200)),
  council: lenient(z.uuid()),
  serviceArea: lenient(z.union([z.uuid(), z.literal('none')])),
  vendor: lenient(z.string().trim().min(1).max(200)),
  hosting: lenient(z.enum(HOSTING)),
  time: lenient(z.enum(TIME_DISPOSITIONS)),
  critical: lenient(z.literal('yes')),
  sort: z.enum(SYSTEM_SORTS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export type SystemFilters = z.infer<typeof systemFiltersSchema>;

/** The first value of each known parameter; anything else in the query string is ignored. */
export function parseSystemFilters(params: URLSearchParams): SystemFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(systemFiltersSchema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  return systemFiltersSchema.parse(raw);
}

/** The query string for these filters with some changed, e.g. for pagination links. */
export function systemFiltersQuery(
  f: SystemFilters,
  change: Partial<Record<keyof SystemFilters, string | number | undefined>> = {}
): string {
  const values: Record<string, string | number | undefined> = { ...f, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    if (key === 'page' && value === 1) continue;
    if ((key === 'sort' && value === 'name') || (key === 'dir' && value === 'asc')) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
