/**
 * Money as people type it, into integer pence: "£1,234.56", "1234", "£250k", "1.2m", "£3bn".
 * Pure and exact: the digits are shifted as text, never multiplied as floating point, so
 * "1.2m" is 120,000,000 pence and not 119,999,999.99.
 */

/** £10 billion: far beyond any council system, so a larger figure is a typing mistake. */
export const MAX_POUNDS_PENCE = 10_000_000_000 * 100;

export type MoneyParse = { ok: true; pence: number | null } | { ok: false; message: string };

const MULTIPLIERS: Record<string, number> = {
  '': 0,
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  million: 6,
  bn: 9,
  b: 9,
  billion: 9
};

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/**
 * Reads an amount in pounds. Blank is allowed (null: not known). `label` starts the messages,
 * e.g. "Annual cost must be £10 billion or less".
 */
export function parsePounds(input: string, label = 'Amount'): MoneyParse {
  const text = input.replace(/[\s\u00a0]+/g, '').toLowerCase();
  if (text === '') return { ok: true, pence: null };
  const example = `Enter ${label.toLowerCase()} in pounds, like £12,500, 1234.56 or 1.2m`;

  if (/^(\(.*\)|[-\u2212\u2013].*|£[-\u2212\u2013].*)$/.test(text)) {
    return { ok: false, message: `${label} cannot be negative` };
  }
  const unsigned = text.replace(/^£/, '').replace(/^gbp/, '').replace(/gbp$/, '');
  const match = /^([\d.,]*)([a-z]*)$/.exec(unsigned);
  if (!match) return { ok: false, message: example };
  const [, digits = '', suffix = ''] = match;
  const shift = MULTIPLIERS[suffix];
  const number = NUMBER.exec(digits);
  if (shift === undefined || !number || digits === '' || digits === '.') {
    return { ok: false, message: example };
  }
  const whole = (number[1] ?? '0').replace(/,/g, '');
  const fraction = number[2] ?? '';
  // Pounds to pence is two places; a suffix moves the point further.
  const places = shift + 2;
  if (fraction.length > places && /[1-9]/.test(fraction.slice(places))) {
    return {
      ok: false,
      message:
        shift === 0
          ? `${label} can have no more than 2 decimal places, like £1,234.56`
          : `${label} must be a whole number of pence`
    };
  }
  const pence = BigInt(whole + fraction.slice(0, places).padEnd(places, '0'));
  if (pence > BigInt(MAX_POUNDS_PENCE)) {
    return { ok: false, message: `${label} must be £10 billion or less` };
  }
  return { ok: true, pence: Number(pence) };
}

/** Pence as someone would type the amount back in, exactly: 123456 → "1,234.56", 500 → "5". */
export function penceForInput(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(pounds);
  return rest === 0 ? whole : `${whole}.${String(rest).padStart(2, '0')}`;
}
