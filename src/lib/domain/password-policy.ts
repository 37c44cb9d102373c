import { COMMON_PASSWORDS } from './common-passwords';

/**
 * NIST SP 800-63B / OWASP ASVS V6: a length floor, a check against passwords known to be
 * common, and no composition rules (they push people to predictable patterns).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

/** The problem with a proposed password, in words for the person choosing it; null if fine. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length === 0) return 'Enter a password';
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must be ${PASSWORD_MIN_LENGTH} characters or more`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  }
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || isTrivialPattern(folded)) {
    return 'Choose a password that is harder to guess: this one is too common';
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (
    (localPart && localPart.length >= 4 && folded.includes(localPart)) ||
    folded === context.email?.toLowerCase()
  ) {
    return 'Choose a password that does not contain your email address';
  }
  return null;
}

/** One character repeated, or a run of consecutive characters ("123456789012", "abcdefghijkl"). */
function isTrivialPattern(password: string): boolean {
  if (new Set(password).size <= 2) return true;
  let ascending = true;
  let descending = true;
  for (let i = 1; i < password.length; i++) {
    const step = password.charCodeAt(i) - password.charCodeAt(i - 1);
    // Digits wrap round: …7890123…
    const wraps = password[i] === '0' && password[i - 1] === '9';
    const wrapsDown = password[i] === '9' && password[i - 1] === '0';
    if (step !== 1 && !wraps) ascending = false;
    if (step !== -1 && !wrapsDown) descending = false;
  }
  return ascending || descending;
}
