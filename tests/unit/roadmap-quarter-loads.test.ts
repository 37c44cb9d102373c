import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countsWithMove,
  overlaps,
  quarterLoads,
  quarterShifts,
  startOfQuarter,
  type RoadmapItem
} from '#lib/domain/roadmap/index.ts';
import { addMonths, formatIsoDate } from '#lib/domain/dates.ts';

function item(
  id: string,
  startDate: string,
  endDate: string,
  kind: RoadmapItem['kind'] = 'redesign'
) {
  return {
    id,
    title: id,
    kind,
    status: 'planned',
    serviceAreaId: null,
    councilId: null,
    contractIds: [],
    startDate,
    alphaStart: startDate,
    betaStart: startDate,
    liveStart: endDate,
    endDate
  } satisfies RoadmapItem;
}

/** The rule as written: a quarter's load is every redesign overlapping it. */
function byDefinition(items: RoadmapItem[], from: string, to: string) {
  const loads = [];
  for (let start = startOfQuarter(from); start < to; start = addMonths(start, 3)) {
    const end = addMonths(start, 3);
    loads.push({
      start,
      end,
      itemIds: items
        .filter((i) => i.kind === 'redesign' && overlaps(i, start, end))
        .map((i) => i.id)
    });
  }
  return loads;
}

describe('quarterLoads', () => {
  it.each([
    { what: 'an end on the first of a quarter stops before it', end: '2029-04-01', quarters: 1 },
    { what: 'an end a day into a quarter reaches it', end: '2029-04-02', quarters: 2 },
    {
      what: 'an end on the first of a month mid-quarter reaches it',
      end: '2029-05-01',
      quarters: 2
    },
    { what: 'an end on the last day of a quarter', end: '2029-06-30', quarters: 2 },
    { what: 'an end on the first of the next quarter', end: '2029-07-01', quarters: 2 }
  ])('$what', ({ end, quarters }) => {
    const loads = quarterLoads([item('a', '2029-02-01', end)], '2029-01-01', '2030-01-01');
    expect(loads.filter((q) => q.itemIds.includes('a'))).toHaveLength(quarters);
  });

  it('leaves out foundations, items outside the window and keeps the items’ order', () => {
    const loads = quarterLoads(
      [
        item('late', '2031-01-01', '2031-06-01'),
        item('b', '2028-01-01', '2029-02-01'),
        item('f', '2029-01-01', '2029-03-01', 'foundation'),
        item('a', '2029-01-15', '2029-02-01')
      ],
      '2029-01-01',
      '2029-07-01'
    );
    expect(loads.map((q) => [q.start, q.itemIds])).toEqual([
      ['2029-01-01', ['b', 'a']],
      ['2029-04-01', []]
    ]);
  });

  it('is empty when the window is', () => {
    expect(
      quarterLoads([item('a', '2029-01-01', '2030-01-01')], '2029-01-01', '2029-01-01')
    ).toEqual([]);
  });

  it('agrees with the definition for any items and window', () => {
    const date = fc
      .record({
        year: fc.integer({ min: 2026, max: 2034 }),
        month: fc.integer({ min: 1, max: 12 }),
        // The first of a month often: quarter boundaries are where an off-by-one would hide.
        day: fc.constantFrom(1, 1, 1, 2, 15, 28)
      })
      .map(({ year, month, day }) => formatIsoDate(year, month, day));
    const items = fc.array(
      fc.record({
        start: date,
        end: date,
        foundation: fc.boolean()
      }),
      { maxLength: 30 }
    );
    fc.assert(
      fc.property(items, date, date, (list, from, to) => {
        const all = list.map((x, n) =>
          item(`i${n}`, x.start, x.end, x.foundation ? 'foundation' : 'redesign')
        );
        expect(quarterLoads(all, from, to)).toEqual(byDefinition(all, from, to));
      }),
      { numRuns: 300 }
    );
  });

  it('counts a moved item in its new quarters only, as counting again would', () => {
    const date = fc
      .record({
        year: fc.integer({ min: 2027, max: 2031 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.constantFrom(1, 1, 2, 28)
      })
      .map(({ year, month, day }) => formatIsoDate(year, month, day));
    const span = fc.record({ start: date, end: date });
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 12 }), span, (list, move) => {
        const all = list.map((x, n) => item(`i${n}`, x.start, x.end));
        const before = all[0]!;
        const after = { ...before, startDate: move.start, endDate: move.end };
        const loads = quarterLoads(all, '2028-01-01', '2031-01-01');
        const again = quarterLoads([after, ...all.slice(1)], '2028-01-01', '2031-01-01');
        expect(countsWithMove(loads, before, after)).toEqual(
          again.map((q) => ({ start: q.start, end: q.end, count: q.itemIds.length }))
        );
      }),
      { numRuns: 200 }
    );
  });

  it('names only the quarters a move changes', () => {
    const loads = quarterLoads([], '2029-01-01', '2030-01-01');
    const before = item('a', '2029-01-15', '2029-05-01');
    // A month later it is still in flight in Q1 and Q2: nothing changes.
    expect([...quarterShifts(loads, before, { ...before, startDate: '2029-02-15' })]).toEqual([]);
    // A quarter later: out of Q1, into Q3; Q2 is covered before and after, so it is not named.
    const later = { ...before, startDate: '2029-04-15', endDate: '2029-08-01' };
    expect([...quarterShifts(loads, before, later)].sort()).toEqual([
      [0, -1],
      [2, 1]
    ]);
    // A foundation does not count against capacity, wherever it goes.
    const foundation = item('f', '2029-01-15', '2029-05-01', 'foundation');
    expect(quarterShifts(loads, foundation, { ...foundation, endDate: '2029-12-01' }).size).toBe(0);
  });
});
