import { parseDateParts } from '$lib/domain/date-input';
import { z } from 'zod';

export const programmeDetailsSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the programme' })
    .trim()
    .min(1, 'Enter a name for the programme')
    .max(120, 'Name must be 120 characters or fewer'),
  area: z.string().trim().max(120, 'Area must be 120 characters or fewer').default('')
});

/** Vesting days outside this range are typing mistakes, not plans. */
export const VESTING_YEARS = { min: 1970, max: 2100 } as const;

/** The vesting date from a GOV.UK date input named vestingDate-day|month|year. */
export function parseVestingDate(fields: Record<string, string>) {
  const result = parseDateParts(
    'Vesting date',
    fields['vestingDate-day'] ?? '',
    fields['vestingDate-month'] ?? '',
    fields['vestingDate-year'] ?? ''
  );
  if (!result.ok) return result;
  const year = Number(result.date.slice(0, 4));
  if (year < VESTING_YEARS.min || year > VESTING_YEARS.max) {
    return {
      ok: false as const,
      message: `Vesting date must be between ${VESTING_YEARS.min} and ${VESTING_YEARS.max}`,
      part: 'year' as const
    };
  }
  return result;
}
