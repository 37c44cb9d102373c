import { describe, expect, it } from 'vitest';
import {
  moreThanListed,
  NOTE_SUMMARIES,
  warningNote,
  warningNotes,
  type RoadmapWarning
} from '#lib/domain/roadmap/index.ts';

const w = (n: number, status: 'warn' | 'fail'): RoadmapWarning => ({
  id: `w${n}`,
  rule: 'capacity',
  status,
  summary: `${status} ${n}`,
  itemIds: ['a'],
  howToFix: 'Move one'
});

describe('warningNote', () => {
  it.each([
    { what: 'nothing recorded', list: undefined, note: null },
    { what: 'an empty list', list: [], note: null },
    {
      what: 'warnings only',
      list: [w(1, 'warn'), w(2, 'warn')],
      note: { status: 'warn', count: 2, summaries: ['warn 1', 'warn 2'] }
    },
    {
      what: 'problems are listed first and make it a problem',
      list: [w(1, 'warn'), w(2, 'fail')],
      note: { status: 'fail', count: 2, summaries: ['fail 2', 'warn 1'] }
    },
    {
      what: 'at most a few summaries, the count keeps them all',
      list: [w(1, 'warn'), w(2, 'warn'), w(3, 'fail'), w(4, 'warn'), w(5, 'fail')],
      note: { status: 'fail', count: 5, summaries: ['fail 3', 'fail 5', 'warn 1'] }
    }
  ])('$what', ({ list, note }) => {
    expect(warningNote(list as RoadmapWarning[] | undefined)).toEqual(note);
  });

  it('says how many are not listed', () => {
    const many = warningNote(Array.from({ length: NOTE_SUMMARIES + 4 }, (_, i) => w(i, 'warn')))!;
    expect(moreThanListed(many)).toBe('and 4 more');
    expect(moreThanListed(warningNote([w(1, 'warn')])!)).toBeNull();
  });

  it('keeps a note only for items with warnings', () => {
    expect(
      warningNotes([
        ['a', [w(1, 'warn')]],
        ['b', []]
      ])
    ).toEqual({ a: { status: 'warn', count: 1, summaries: ['warn 1'] } });
  });
});
