import { describe, expect, it } from 'vitest';
import {
  LABEL_WIDTH,
  RUNWAY_WIDTH,
  describeContract,
  layoutRunway,
  type RunwayContract
} from '#lib/charts/runway-layout.ts';
import { clipSegments, contractDates, contractSegments } from '#lib/charts/runway-segments.ts';
import { quarterStart, runwayWindow, timeTicks, windowScale } from '#lib/charts/runway-window.ts';
import type { ContractTerms } from '#lib/domain/contracts.ts';

const terms = (over: Partial<ContractTerms> = {}): ContractTerms => ({
  startDate: '2024-04-01',
  endDate: '2028-03-31',
  noticePeriodValue: 3,
  noticePeriodUnit: 'months',
  maxEndDate: null,
  extensionOptions: [],
  ...over
});

const contract = (
  id: string,
  over: Partial<ContractTerms> = {},
  more: Partial<RunwayContract> = {}
): RunwayContract => ({
  id,
  reference: id.toUpperCase(),
  title: `Contract ${id}`,
  supplierName: 'Ledgerline Ltd',
  councilName: 'Aldmoor District Council',
  treatment: 'undecided',
  terms: terms(over),
  ...more
});

describe('quarterStart', () => {
  it.each([
    ['2026-01-01', '2026-01-01'],
    ['2026-03-31', '2026-01-01'],
    ['2026-04-01', '2026-04-01'],
    ['2026-06-30', '2026-04-01'],
    ['2026-11-27', '2026-10-01'],
    ['2028-02-29', '2028-01-01'],
    ['2026-12-31', '2026-10-01']
  ])('%s is in the quarter starting %s', (date, start) => {
    expect(quarterStart(date)).toBe(start);
  });
});

describe('runwayWindow', () => {
  it.each([
    // today, vesting, start, end
    ['2026-11-27', '2028-04-01', '2026-10-01', '2031-04-01'],
    ['2028-04-01', '2028-04-01', '2028-04-01', '2031-04-01'],
    // Vesting on 29 February: three years on is clamped to 28 February.
    ['2026-11-27', '2028-02-29', '2026-10-01', '2031-02-28'],
    // Long after vesting: still a year ahead of today.
    ['2035-05-10', '2028-04-01', '2035-04-01', '2036-05-10'],
    ['2030-12-31', '2028-04-01', '2030-10-01', '2031-12-31']
  ])('today %s, vesting %s → %s to %s', (today, vesting, start, end) => {
    expect(runwayWindow(today, vesting)).toEqual({ start, end });
  });
});

describe('timeTicks', () => {
  it('marks each 1 January and each quarter inside the window, left to right', () => {
    const window = { start: '2026-10-01', end: '2028-12-31' };
    const x = windowScale(window, [0, 1000]);
    const ticks = timeTicks(x);
    expect(ticks.years.map((t) => t.label)).toEqual(['2027', '2028']);
    expect(ticks.quarters.map((t) => t.date)).toEqual([
      '2026-10-01',
      '2027-01-01',
      '2027-04-01',
      '2027-07-01',
      '2027-10-01',
      '2028-01-01',
      '2028-04-01',
      '2028-07-01',
      '2028-10-01'
    ]);
    expect(ticks.quarters[0]!.x).toBe(0);
    const xs = ticks.quarters.map((t) => t.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs.at(-1)!).toBeLessThan(1000);
  });
});

describe('contractSegments', () => {
  it.each([
    ['no end date: nothing to draw', terms({ endDate: null }), []],
    ['an invalid end date counts as none', terms({ endDate: '2028-02-30' }), []],
    ['no options: the term alone', terms(), [['term', '2024-04-01', '2028-03-31']]],
    [
      '2+1 years, first exercised: term, exercised, remaining',
      terms({
        extensionOptions: [
          { lengthMonths: 24, exercised: true },
          { lengthMonths: 12, exercised: false }
        ]
      }),
      [
        ['term', '2024-04-01', '2028-03-31'],
        ['exercised', '2028-04-01', '2030-03-31', 1],
        ['remaining', '2030-04-01', '2031-03-31', 2]
      ]
    ],
    [
      'an exercised option after an unexercised one still counts first',
      terms({
        extensionOptions: [
          { lengthMonths: 12, exercised: false },
          { lengthMonths: 6, exercised: true }
        ]
      }),
      [
        ['term', '2024-04-01', '2028-03-31'],
        ['exercised', '2028-04-01', '2028-09-30', 2],
        ['remaining', '2028-10-01', '2029-09-30', 1]
      ]
    ],
    [
      'month ends clamp once from the original end: 31 January + 1 + 1 months',
      terms({
        endDate: '2028-01-31',
        extensionOptions: [
          { lengthMonths: 1, exercised: true },
          { lengthMonths: 1, exercised: false }
        ]
      }),
      [
        ['term', '2024-04-01', '2028-01-31'],
        ['exercised', '2028-02-01', '2028-02-29', 1],
        ['remaining', '2028-03-01', '2028-03-31', 2]
      ]
    ],
    [
      'a start after the end draws the term as one day',
      terms({ startDate: '2029-01-01' }),
      [['term', '2028-03-31', '2028-03-31']]
    ],
    [
      'no start date: the term starts at its end (the chart clips from the window)',
      terms({ startDate: null }),
      [['term', '2028-03-31', '2028-03-31']]
    ]
  ])('%s', (_, input, expected) => {
    const got = contractSegments(input).map((s) =>
      s.option === undefined ? [s.kind, s.from, s.to] : [s.kind, s.from, s.to, s.option]
    );
    expect(got).toEqual(expected);
  });
});

describe('clipSegments', () => {
  const window = { start: '2026-10-01', end: '2031-04-01' };
  it.each([
    ['wholly inside', ['2027-01-01', '2028-01-01'], ['2027-01-01', '2028-01-01', false, false]],
    ['starts before', ['2020-01-01', '2028-01-01'], ['2026-10-01', '2028-01-01', true, false]],
    [
      'options beyond the window',
      ['2030-01-01', '2034-01-01'],
      ['2030-01-01', '2031-04-01', false, true]
    ],
    [
      'ends on the first day',
      ['2020-01-01', '2026-10-01'],
      ['2026-10-01', '2026-10-01', true, false]
    ],
    ['ends before the window', ['2020-01-01', '2026-09-30'], null],
    ['starts after the window', ['2031-04-02', '2032-01-01'], null]
  ] as const)('%s', (_, [from, to], expected) => {
    const got = clipSegments([{ kind: 'term', from, to }], window);
    expect(got.map((s) => [s.from, s.to, s.beforeWindow, s.afterWindow])).toEqual(
      expected ? [expected] : []
    );
  });
});

describe('layoutRunway', () => {
  const today = '2026-11-27';
  const vestingDate = '2028-04-01';

  it('puts one lane per council, in name order, rows soonest-ending first', () => {
    const layout = layoutRunway(
      [
        contract('b', { endDate: '2029-01-31' }, { councilName: 'Brackenford' }),
        contract('a2', { endDate: '2028-06-30' }),
        contract('a1', { endDate: '2027-06-30' })
      ],
      { today, vestingDate, lanesBy: 'council' }
    );
    expect(layout.lanes.map((l) => [l.label, l.rows.map((r) => r.contract.id)])).toEqual([
      ['Aldmoor District Council', ['a1', 'a2']],
      ['Brackenford', ['b']]
    ]);
    const ys = layout.lanes.flatMap((l) => [l.y, ...l.rows.map((r) => r.y)]);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    expect(new Set(ys).size).toBe(ys.length);
    expect(layout.height).toBeGreaterThan(layout.lanes.at(-1)!.rows.at(-1)!.y);
  });

  it('groups by supplier when asked', () => {
    const layout = layoutRunway(
      [
        contract('x', {}, { supplierName: 'Routewise Ltd' }),
        contract('y', {}, { supplierName: 'CareBook Systems Ltd' }),
        contract('z', {}, { supplierName: 'Routewise Ltd' })
      ],
      { today, vestingDate, lanesBy: 'supplier' }
    );
    expect(layout.lanes.map((l) => [l.label, l.rows.length])).toEqual([
      ['CareBook Systems Ltd', 1],
      ['Routewise Ltd', 2]
    ]);
  });

  it('leaves out contracts with no end date, and copes with none at all', () => {
    expect(
      layoutRunway([contract('n', { endDate: null })], { today, vestingDate, lanesBy: 'council' })
        .lanes
    ).toEqual([]);
    const empty = layoutRunway([], { today, vestingDate, lanesBy: 'council' });
    expect(empty.lanes).toEqual([]);
    expect(empty.height).toBeGreaterThan(0);
    expect(empty.ticks.years.length).toBeGreaterThan(0);
  });

  it('draws a contract ending today up to the end of today, right of the today line', () => {
    const layout = layoutRunway([contract('t', { endDate: today, noticePeriodValue: 0 })], {
      today,
      vestingDate,
      lanesBy: 'council'
    });
    const row = layout.lanes[0]!.rows[0]!;
    const term = row.segments[0]!;
    expect(term.beforeWindow).toBe(true);
    expect(term.x).toBe(LABEL_WIDTH);
    expect(term.x + term.width).toBeGreaterThan(layout.today.x);
    expect(row.notice).toEqual({ date: today, x: layout.today.x });
  });

  it('clips options beyond the window at its right edge and keeps thin segments visible', () => {
    const layout = layoutRunway(
      [
        contract('long', {
          endDate: '2030-12-31',
          extensionOptions: [
            { lengthMonths: 1, exercised: true },
            { lengthMonths: 60, exercised: false }
          ]
        })
      ],
      { today, vestingDate, lanesBy: 'council' }
    );
    const [term, exercised, remaining] = layout.lanes[0]!.rows[0]!.segments;
    expect(exercised!.width).toBeGreaterThanOrEqual(2);
    expect(remaining!.afterWindow).toBe(true);
    expect(remaining!.x + remaining!.width).toBeCloseTo(layout.plot.right);
    expect(layout.plot.right).toBeLessThanOrEqual(RUNWAY_WIDTH);
    expect(term!.x).toBeLessThan(exercised!.x);
  });

  it('shows a notice deadline only inside the window', () => {
    const layout = layoutRunway(
      [
        contract('passed', { endDate: '2027-01-31', noticePeriodValue: 6 }),
        contract('ahead', { endDate: '2029-03-31', noticePeriodValue: 6 })
      ],
      { today, vestingDate, lanesBy: 'council' }
    );
    const [passed, ahead] = layout.lanes[0]!.rows;
    expect(passed!.notice).toBeNull();
    expect(ahead!.notice?.date).toBe('2028-09-30');
  });

  it('places vesting day on 29 February, between today and the window end', () => {
    const layout = layoutRunway([], { today, vestingDate: '2028-02-29', lanesBy: 'council' });
    expect(layout.window.end).toBe('2031-02-28');
    expect(layout.vesting?.date).toBe('2028-02-29');
    expect(layout.vesting!.x).toBeGreaterThan(layout.today.x);
    expect(layout.vesting!.x).toBeLessThan(layout.plot.right);
  });

  it('has no vesting line once vesting day is before the window', () => {
    const layout = layoutRunway([], {
      today: '2035-05-10',
      vestingDate: '2028-04-01',
      lanesBy: 'council'
    });
    expect(layout.vesting).toBeNull();
  });
});

describe('describeContract', () => {
  it.each([
    [
      'a deadline ahead, one option used, one left',
      contract('c1', {
        endDate: '2027-03-31',
        extensionOptions: [
          { lengthMonths: 12, exercised: true },
          { lengthMonths: 12, exercised: false }
        ]
      }),
      'C1, Undecided: Contract c1, Ledgerline Ltd, Aldmoor District Council. Ends 31 March 2028. Notice deadline 31 December 2027. 1 option used. 1 option left, to 31 March 2029.'
    ],
    [
      'no notice period, decided',
      contract('c2', { noticePeriodValue: null, noticePeriodUnit: null }, { treatment: 'extend' }),
      'C2, Extend: Contract c2, Ledgerline Ltd, Aldmoor District Council. Ends 31 March 2028.'
    ],
    [
      'a decision whose short label is not its name',
      contract('c4', { noticePeriodValue: null, noticePeriodUnit: null }, { treatment: 'host' }),
      'C4, Host (IAA): Contract c4, Ledgerline Ltd, Aldmoor District Council. Decision: Host (inter-authority agreement). Ends 31 March 2028.'
    ],
    [
      'deadline passed',
      contract('c3', { endDate: '2027-01-31' }),
      'C3, Undecided: Contract c3, Ledgerline Ltd, Aldmoor District Council. Ends 31 January 2027. Notice deadline 31 October 2026 (passed).'
    ]
  ])('%s', (_, c, sentence) => {
    expect(describeContract(c, contractDates(c.terms), '2026-11-27')).toBe(sentence);
  });
});
