import { describe, expect, it } from 'vitest';
import { findingsCounted } from '#lib/domain/roadmap/index.ts';

describe('findingsCounted', () => {
  it.each([
    { total: 0, problems: 0, expected: 'No warnings' },
    { total: 1, problems: 1, expected: '1 problem' },
    { total: 1, problems: 0, expected: '1 warning' },
    { total: 4, problems: 0, expected: '4 warnings' },
    { total: 3, problems: 3, expected: '3 problems' },
    { total: 2, problems: 1, expected: '1 problem and 1 warning' },
    { total: 10, problems: 6, expected: '6 problems and 4 warnings' },
    { total: 2130, problems: 1573, expected: '1573 problems and 557 warnings' }
  ])('$total with $problems problems: "$expected"', ({ total, problems, expected }) => {
    expect(findingsCounted(total, problems)).toBe(expected);
  });
});
