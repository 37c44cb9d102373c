/**
 * ONS GSS codes for English local authorities: E + two-digit entity code + six digits,
 * e.g. E07000223 (a district), E06000066 (a unitary), E10000002 (a county).
 */
const ENGLISH_COUNCIL_ENTITIES = new Set(['E06', 'E07', 'E08', 'E09', 'E10']);

export function gssCodeProblem(code: string): string | null {
  if (!/^E\d{8}$/.test(code)) {
    return 'Enter a GSS code in the correct format, like E07000223: the letter E and 8 digits';
  }
  if (!ENGLISH_COUNCIL_ENTITIES.has(code.slice(0, 3))) {
    return 'Enter the GSS code of an English council: it starts E06, E07, E08, E09 or E10';
  }
  return null;
}
