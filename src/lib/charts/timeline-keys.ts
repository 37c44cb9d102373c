import { truncateAtWord } from './truncate';

/**
 * The keyboard path of the timeline: a focused bar moves by a month with the arrow keys, by a
 * quarter with Shift. Enter follows the bar's link to its edit form, so it needs no code.
 */
export function monthsForKey(key: string, shiftKey: boolean): number {
  const step = shiftKey ? 3 : 1;
  if (key === 'ArrowRight') return step;
  if (key === 'ArrowLeft') return -step;
  return 0;
}

/** What fits inside a bar of this width at 13px type, in whole words; '' when nothing useful fits. */
export function fitLabel(text: string, width: number, charWidth = 7): string {
  const room = Math.floor((width - 10) / charWidth);
  if (room >= text.length) return text;
  if (room < 4) return '';
  return truncateAtWord(text, room);
}
