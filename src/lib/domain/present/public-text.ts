/**
 * Text from the programme shown to people without an account (a share link). An item's owner
 * is free text: most say "Head of IT", but some are typed as an email address, which is
 * contact data the share page was never meant to publish. The address goes; a name or role
 * around it stays. Pure, so the rule is a table of cases in the unit tests.
 */
const ADDRESS = /(?:mailto:)?[^\s<>()[\]{},;:"'@]+@[^\s<>()[\]{},;:"'@]+\.[^\s<>()[\]{},;:"'@]+/giu;
const EMPTY_BRACKETS = /[<([{]\s*[>)\]}]/gu;
const EDGE_PUNCTUATION = /^[\s,;:/|–—-]+|[\s,;:/|–—-]+$/gu;

export function withoutEmailAddresses(text: string | null): string | null {
  if (!text) return null;
  const left = text
    .replace(ADDRESS, ' ')
    .replace(EMPTY_BRACKETS, ' ')
    .replace(/\s+/gu, ' ')
    .replace(EDGE_PUNCTUATION, '');
  return left === '' ? null : left;
}
