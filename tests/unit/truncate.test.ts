import { describe, expect, it } from 'vitest';
import { truncateAtWord } from '#lib/charts/truncate.ts';
import { fitLabel } from '#lib/charts/timeline-keys.ts';

describe('truncateAtWord', () => {
  it.each([
    ['fits as it is', 'Council tax', 11, 'Council tax'],
    ['cut mid-word goes back to the word start', 'Council tax redesign', 16, 'Council tax…'],
    ['cut just after a word keeps it', 'Council tax redesign', 13, 'Council tax…'],
    ['cut on a space drops it', 'Council tax redesign', 12, 'Council tax…'],
    ['punctuation before the cut is dropped', "Adults' social care", 12, 'Adults…'],
    [
      'a reference cut at its separators',
      'ABC/2023/IT-SERVICES-DESKTOP',
      22,
      'ABC/2023/IT-SERVICES…'
    ],
    ['not one word fits', 'Redesign of everything', 6, ''],
    ['no room at all', 'Anything', 1, ''],
    [
      'letters beyond ASCII count as letters',
      'Llanfair Pwllgwyngyll Gogerychwyrndrobwll',
      25,
      'Llanfair Pwllgwyngyll…'
    ],
    ['digits are word characters', 'Wave 2025 rollout', 8, 'Wave…']
  ])('%s', (_, text, room, expected) => {
    const out = truncateAtWord(text, room);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(Math.max(room, 0));
    // What is left is whole words of the text, in order.
    if (out) expect(text.startsWith(out.replace(/…$/, ''))).toBe(true);
  });
});

describe('fitLabel', () => {
  it.each([
    ['wide enough for all', 'Council tax redesign', 300, 'Council tax redesign'],
    ['whole words only', 'Council tax redesign', 130, 'Council tax…'],
    ['too narrow for anything useful', 'Council tax redesign', 30, '']
  ])('%s', (_, text, width, expected) => {
    expect(fitLabel(text, width)).toBe(expected);
  });
});
