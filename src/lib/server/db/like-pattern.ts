/** A search term for ILIKE: `%`, `_` and `\` typed by a person mean themselves, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
