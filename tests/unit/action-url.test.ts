import { describe, expect, it } from 'vitest';
import { actionKeeping } from '#lib/action-url.ts';

describe('actionKeeping', () => {
  it.each([
    ['', '?/move'],
    ['?undo=12', '?/move'],
    ['?baseline=abc', '?/move&baseline=abc'],
    [
      '?scenario=s1&zoom=decade&lanes=council&timelinePage=2&tablePage=3&baseline=b1&undo=3&undone=1',
      '?/move&scenario=s1&zoom=decade&lanes=council&timelinePage=2&tablePage=3&baseline=b1'
    ],
    ['?/move&zoom=year', '?/move&zoom=year'],
    ['?zoom=', '?/move'],
    ['?lanes=a%26b', '?/move&lanes=a%26b']
  ])('keeps the view of %j', (search, expected) => {
    expect(actionKeeping('move', search)).toBe(expected);
  });

  it('keeps only the keys asked for', () => {
    expect(actionKeeping('relane', '?zoom=year&baseline=b', ['baseline'])).toBe(
      '?/relane&baseline=b'
    );
  });
});
