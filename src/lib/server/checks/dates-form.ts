import { parseDateParts } from '#lib/domain/date-input.ts';
import type { IsoDate } from '#lib/domain/dates.ts';

/**
 * An optional GOV.UK date input (`name-day`, `name-month`, `name-year`): all blank is null;
 * anything else must be a real date, with the design system's messages.
 */
export function optionalDate(
  values: Record<string, string>,
  name: string,
  label: string,
  errors: Record<string, string>
): IsoDate | null {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => (values[`${name}-${p}`] ?? '').trim());
  if (!d && !m && !y) return null;
  const parsed = parseDateParts(label, d!, m!, y!);
  if (parsed.ok) return parsed.date;
  errors[name] = parsed.message;
  return null;
}

export function dateParts(date: IsoDate | null | undefined) {
  if (!date) return { day: '', month: '', year: '' };
  return {
    day: String(Number(date.slice(8, 10))),
    month: String(Number(date.slice(5, 7))),
    year: date.slice(0, 4)
  };
}
