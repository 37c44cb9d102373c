import { parseDateParts } from '#lib/domain/date-input.ts';
import { z } from 'zod';
import { lineText, requiredLine, tooLongMessage } from './text';

export const programmeDetailsSchema = z.object({
  name: requiredLine('Name', 120, 'Enter a name for the programme'),
  area: lineText('Area').max(120, tooLongMessage('Area', 120)).default('')
});

/** The name of a new council typed on the county form; blank is allowed (a second is optional). */
export const successorNameSchema = lineText('Name of the new council').max(
  200,
  tooLongMessage('Name of the new council', 200)
);

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
