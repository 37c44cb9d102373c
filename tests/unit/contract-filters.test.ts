import { describe, expect, it } from 'vitest';
import { parseContractFilters } from '#lib/schemas/contract-filters.ts';

const COUNCIL = 'a716739b-f4ec-4460-b704-8aaa67270da1';

describe('parseContractFilters', () => {
  it.each([
    // The filter form sends every field; "Any time" is an empty endsWithin, not 0 months.
    [`q=&council=${COUNCIL}&treatment=&endsWithin=`, { council: COUNCIL, endsWithin: undefined }],
    ['endsWithin=0', { endsWithin: 0 }],
    ['endsWithin=6', { endsWithin: 6 }],
    ['endsWithin=%20', { endsWithin: undefined }],
    ['endsWithin=abc', { endsWithin: undefined }],
    ['q=%20%20', { q: undefined }],
    ['council=not-an-id', { council: undefined }],
    ['notice=due&undecided=yes', { notice: true, undecided: true }],
    ['sort=nonsense&page=0', { sort: 'end', page: 1 }]
  ])('%s', (query, expected) => {
    const filters = parseContractFilters(new URLSearchParams(query));
    for (const [key, value] of Object.entries(expected)) {
      expect(filters[key as keyof typeof filters], key).toEqual(value);
    }
  });
});
