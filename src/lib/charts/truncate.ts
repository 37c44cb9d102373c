/**
 * Text cut to fit a space, at the end of a whole word, with an ellipsis: "Council tax…", never
 * "Council tax redes…". A link's visible text must then be words of its accessible name (WCAG
 * 2.5.3, label in name: speech users say what they see), which a cut word is not.
 */
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** `text` in at most `room` characters, the ellipsis included; '' when not one word fits. */
export function truncateAtWord(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room < 2) return '';
  let cut = room - 1;
  // Mid-word: go back to where that word starts.
  if (LETTER_OR_NUMBER.test(text[cut]!) && LETTER_OR_NUMBER.test(text[cut - 1]!)) {
    while (cut > 0 && LETTER_OR_NUMBER.test(text[cut - 1]!)) cut -= 1;
  }
  const kept = text.slice(0, cut).replace(/[^\p{L}\p{N}]+$/u, '');
  return kept ? `${kept}…` : '';
}
