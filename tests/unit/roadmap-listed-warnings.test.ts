import { describe, expect, it } from 'vitest';
import { listedFirst, WARNINGS_LISTED } from '#lib/server/roadmap/page-view.ts';

/** `n` warnings named w0, w1, …; those in `itemless` name no item. */
function warnings(n: number, itemless: number[] = []) {
  return Array.from({ length: n }, (_, i) => ({
    id: `w${i}`,
    itemIds: itemless.includes(i) ? [] : [`item-${i}`]
  }));
}
const ids = (list: { id: string }[]) => list.map((w) => w.id);

describe('listedFirst: the warnings the roadmap page lists', () => {
  it.each([
    { case: 'none', n: 0, itemless: [], expected: [] },
    { case: 'fewer than the limit: all', n: 3, itemless: [], expected: ['w0', 'w1', 'w2'] },
    {
      case: 'exactly the limit: all',
      n: WARNINGS_LISTED,
      itemless: [],
      expected: ids(warnings(WARNINGS_LISTED))
    },
    {
      case: 'more than the limit: the first',
      n: WARNINGS_LISTED + 5,
      itemless: [],
      expected: ids(warnings(WARNINGS_LISTED))
    },
    {
      case: 'one past the limit naming no item: listed too, in its place',
      n: WARNINGS_LISTED + 5,
      itemless: [WARNINGS_LISTED + 2],
      expected: [...ids(warnings(WARNINGS_LISTED)), `w${WARNINGS_LISTED + 2}`]
    },
    {
      case: 'one within the limit naming no item: listed once',
      n: WARNINGS_LISTED + 5,
      itemless: [1],
      expected: ids(warnings(WARNINGS_LISTED))
    }
  ])('$case', ({ n, itemless, expected }) => {
    expect(ids(listedFirst(warnings(n, itemless)))).toEqual(expected);
  });
});
