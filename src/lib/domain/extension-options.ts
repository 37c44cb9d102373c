/**
 * Extension options as people write them in tender documents ("2+1+1 years") and as the
 * database stores them (ordered lengths in months: 24, 12, 12).
 */

/** Limits shared with the database check (`length_months between 1 and 240`). */
export const MAX_EXTENSION_OPTIONS = 10;
export const MAX_EXTENSION_OPTION_MONTHS = 240;

export type ExtensionOptionsParse = { ok: true; months: number[] } | { ok: false; message: string };

const EXAMPLE = 'like 2+1+1 years or 18+6 months, or none';
const PART = /^(-?)\s*(\d+(?:\.\d+)?)\s*([a-z]*)$/;
const YEARS = new Set(['y', 'yr', 'yrs', 'year', 'years']);
const MONTHS = new Set(['m', 'mth', 'mths', 'month', 'months']);

type Unit = 'years' | 'months';

function unitOf(word: string): Unit | null | undefined {
  if (word === '') return null;
  if (YEARS.has(word)) return 'years';
  if (MONTHS.has(word)) return 'months';
  return undefined;
}

/**
 * Parses what a user types into the extension options field into lengths in months.
 *
 * Options are separated by `+`. A number without its own unit takes the unit written after
 * the last option ("24+12 months"), or years when there is none ("2+1+1"), because tender
 * documents almost always quote options in years. Each option may carry its own unit too
 * ("1 year + 6 months"). An empty field or "none" means no options. Only whole numbers are
 * accepted: "1.5 years" is rejected rather than rounded, so nothing is silently changed.
 */
export function extensionOptionsFromText(text: string): ExtensionOptionsParse {
  const input = text.trim().toLowerCase();
  if (input === '' || input === 'none') return { ok: true, months: [] };

  const parts: { value: number; unit: Unit | null }[] = [];
  for (const raw of input.split('+')) {
    const match = PART.exec(raw.trim());
    const unit = match ? unitOf(match[3] ?? '') : undefined;
    if (!match || unit === undefined) {
      return { ok: false, message: `Enter extension options ${EXAMPLE}` };
    }
    if (match[1] === '-') return { ok: false, message: 'Extension options cannot be negative' };
    if ((match[2] ?? '').includes('.')) {
      return {
        ok: false,
        message: 'Enter each extension option as a whole number of years or months'
      };
    }
    parts.push({ value: Number(match[2]), unit });
  }

  const fallback: Unit = parts[parts.length - 1]?.unit ?? 'years';
  const months = parts.map(({ value, unit }) =>
    (unit ?? fallback) === 'years' ? value * 12 : value
  );

  if (months.some((m) => m === 0)) {
    return { ok: false, message: 'Each extension option must be at least 1 month' };
  }
  if (months.length > MAX_EXTENSION_OPTIONS) {
    return {
      ok: false,
      message: `Enter no more than ${MAX_EXTENSION_OPTIONS} extension options`
    };
  }
  if (months.some((m) => m > MAX_EXTENSION_OPTION_MONTHS)) {
    return {
      ok: false,
      message: `Each extension option must be ${MAX_EXTENSION_OPTION_MONTHS / 12} years (${MAX_EXTENSION_OPTION_MONTHS} months) or less`
    };
  }
  return { ok: true, months };
}

/**
 * The inverse of {@link extensionOptionsFromText}: "2+1+1 years" when every option is a whole
 * number of years, otherwise everything in months ("18+6 months"), "None" when empty. One
 * option reads in the singular ("1 year"). The output always parses back to the same months.
 */
export function formatExtensionOptions(months: readonly number[]): string {
  if (months.length === 0) return 'None';
  const inYears = months.every((m) => m % 12 === 0);
  const values = inYears ? months.map((m) => m / 12) : months;
  const unit = inYears ? 'year' : 'month';
  const plural = values.length > 1 || values[0] !== 1;
  return `${values.join('+')} ${unit}${plural ? 's' : ''}`;
}
