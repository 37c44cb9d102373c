/**
 * Cell-level rules shared by every spreadsheet we write: formula-injection neutralising and
 * CSV quoting. Pure, so each rule has a table of cases in tests/unit/export-cells.test.ts.
 */

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and carriage
 * return, let a crafted cell slip a formula past naive checks). From OWASP's CSV injection
 * guidance: https://owasp.org/www-community/attacks/CSV_Injection
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** Whether a text cell would be read as a formula if written as it stands. */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(text[0]!);
}

/**
 * For CSV, where a spreadsheet guesses each cell's type: a leading apostrophe makes Excel and
 * LibreOffice keep the cell as text. Only text cells pass through here; numbers and dates we
 * format ourselves never start with a trigger.
 */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, a double quote, CR or LF,
 * with double quotes doubled. Leading or trailing spaces are quoted too, so they survive
 * programs that trim unquoted fields.
 */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Pence as plain pounds with two decimals and no separators, which every spreadsheet reads as
 * a number: 123456 → "1234.56", 5 → "0.05". Exact (integer arithmetic, no floating point).
 */
export function penceAsPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
