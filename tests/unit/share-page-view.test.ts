import { describe, expect, it } from 'vitest';
import { withoutEmailAddresses } from '#lib/domain/present/public-text.ts';
import { ordinals } from '#lib/server/present/shared-view.ts';

describe('withoutEmailAddresses (an item owner on a share link)', () => {
  it.each([
    ['Head of IT', 'Head of IT'],
    ['jane.smith@thornshire.gov.uk', null],
    ['mailto:jane.smith@thornshire.gov.uk', null],
    ['Jane Smith <jane.smith@thornshire.gov.uk>', 'Jane Smith'],
    ['Jane Smith (jane.smith@thornshire.gov.uk)', 'Jane Smith'],
    ['Jane Smith, jane.smith@thornshire.gov.uk', 'Jane Smith'],
    ['jane.smith@thornshire.gov.uk – Head of IT', 'Head of IT'],
    ['Digital team: a@x.gov.uk; b@y.gov.uk', 'Digital team'],
    ['JANE@THORNSHIRE.GOV.UK', null],
    // Not addresses: kept as typed.
    ['@digital-team', '@digital-team'],
    ['Head of IT (interim)', 'Head of IT (interim)'],
    ['', null],
    [null, null]
  ])('%j → %j', (owner, shown) => {
    expect(withoutEmailAddresses(owner)).toBe(shown);
  });
});

describe('ordinals (stand-ins for ids on a share link)', () => {
  it('numbers distinct ids in their order, zero-padded so the stand-ins sort the same way', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `${(i * 7) % 12}-id`.padStart(6, '0'));
    const map = ordinals([...ids, ids[0]!], 'i');
    expect(map.size).toBe(12);
    const byId = [...ids].sort((a, b) => a.localeCompare(b));
    const byStandIn = [...ids].sort((a, b) => map.get(a)!.localeCompare(map.get(b)!));
    expect(byStandIn).toEqual(byId);
    expect(map.get(byId[0]!)).toBe('i01');
    expect(map.get(byId[11]!)).toBe('i12');
  });

  it.each([
    [[], []],
    [
      ['b', 'a'],
      ['a1', 'a2']
    ]
  ])('%j → stand-ins %j in order', (ids, expected) => {
    const map = ordinals(ids, 'a');
    expect([...map.values()]).toEqual(expected);
  });
});
