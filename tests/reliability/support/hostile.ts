/**
 * Strings an attacker (or an unlucky paste) sends: SQL and script injection, path traversal,
 * unicode edge cases, malformed dates and numbers, and a few very long values.
 */
export const HOSTILE_STRINGS: { name: string; value: string }[] = [
  { name: 'SQL quote', value: "O'Brien'); drop table contracts; --" },
  { name: 'SQL tautology', value: "' or '1'='1" },
  { name: 'SQL comment', value: '1; select pg_sleep(0) --' },
  { name: 'script tag', value: '<script>alert("vd")</script>' },
  { name: 'image onerror', value: '"><img src=x onerror=alert(1)>' },
  { name: 'javascript url', value: 'javascript:alert(1)' },
  { name: 'svelte/template braces', value: '{@html "<b>x</b>"} ${process.env} {{7*7}}' },
  { name: 'path traversal', value: '../../../../etc/passwd' },
  { name: 'windows path', value: '..\\..\\boot.ini' },
  { name: 'null byte', value: 'before\u0000after' },
  { name: 'RTL override', value: 'invoice\u202Egnp.exe' },
  { name: 'zero-width', value: 'zero\u200Bwidth\u200Djoiner\uFEFF' },
  { name: 'astral', value: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏛️👩🏽‍💼' },
  { name: 'combining marks', value: 'Z̷̢̛a̶̡l̵g̸o̴' },
  { name: 'lone surrogate', value: 'bad\uD800surrogate' },
  { name: 'control characters', value: 'bell\u0007\u001b[31mred\r\nnext line' },
  { name: 'negative number', value: '-1' },
  { name: 'huge number', value: '999999999999999999999999999999' },
  { name: 'exponent', value: '1e308' },
  { name: 'NaN', value: 'NaN' },
  { name: 'impossible date', value: '31/02/2024' },
  { name: 'formula', value: '=HYPERLINK("http://evil.example","x")' },
  { name: 'long value', value: 'x'.repeat(20_000) },
  { name: 'empty', value: '' },
  { name: 'spaces only', value: '   ' }
];

const HIDDEN_NAMES = new Set([
  'SQL quote',
  'script tag',
  'null byte',
  'huge number',
  'negative number',
  'long value',
  'empty'
]);
export const HIDDEN_FIELD_STRINGS = HOSTILE_STRINGS.filter((h) => HIDDEN_NAMES.has(h.name));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** A payload with markup must never come back as markup: only escaped. */
export function reflectsMarkup(html: string, value: string): boolean {
  return /[<>]/.test(value) && html.includes(value);
}
