import { describe, expect, it } from 'vitest';
import {
  compareScenarios,
  dependencyCycles,
  evaluateRoadmap,
  moveBoundary,
  phaseSegments,
  quarterLoads,
  scheduleProblems,
  shiftSchedule,
  type RoadmapContract,
  type RoadmapItem,
  type RoadmapPlan
} from '#lib/domain/roadmap/index.ts';

const VESTING = '2028-04-01';

/** A redesign from `start` to `end` with its phases spread evenly (by month) in between. */
function item(
  id: string,
  start: string,
  end: string,
  extra: Partial<RoadmapItem> = {}
): RoadmapItem {
  return {
    id,
    title: id,
    kind: 'redesign',
    status: 'planned',
    serviceAreaId: null,
    councilId: null,
    contractIds: [],
    startDate: start,
    alphaStart: start,
    betaStart: start,
    liveStart: end,
    endDate: end,
    ...extra
  };
}

function plan(
  p: Partial<Omit<RoadmapPlan, 'settings'>> & { settings?: Partial<RoadmapPlan['settings']> }
): RoadmapPlan {
  return {
    items: [],
    dependencies: [],
    serviceAreas: [],
    contracts: [],
    ...p,
    settings: {
      vestingDate: VESTING,
      horizonYears: 10,
      capacity: 3,
      stabilisationMonths: 12,
      ...p.settings
    }
  };
}

const rulesOf = (p: RoadmapPlan, rule: string) => evaluateRoadmap(p).filter((w) => w.rule === rule);

describe('over capacity', () => {
  const overlapping = (n: number) =>
    Array.from({ length: n }, (_, i) => item(`r${i}`, '2029-04-01', '2030-04-01'));
  it.each([
    { name: 'at capacity', items: overlapping(3), capacity: 3, expected: [] },
    {
      name: 'one over for four quarters makes one warning',
      items: overlapping(4),
      capacity: 3,
      expected: ['capacity:2029-04-01']
    },
    {
      name: 'zero capacity: any redesign is over',
      items: overlapping(1),
      capacity: 0,
      expected: ['capacity:2029-04-01']
    },
    {
      name: 'foundations do not count',
      items: [...overlapping(3), item('f', '2029-04-01', '2030-04-01', { kind: 'foundation' })],
      capacity: 3,
      expected: []
    },
    {
      name: 'back to back in the same quarter boundary is not an overlap',
      items: [item('a', '2029-01-01', '2029-04-01'), item('b', '2029-04-01', '2029-07-01')],
      capacity: 1,
      expected: []
    },
    {
      name: 'touching the same quarter counts, even a month apart',
      items: [item('a', '2029-01-01', '2029-05-01'), item('b', '2029-06-01', '2029-09-01')],
      capacity: 1,
      expected: ['capacity:2029-04-01']
    },
    {
      name: 'two separate overloads are two warnings',
      items: [
        item('a', '2029-04-01', '2029-07-01'),
        item('b', '2029-04-01', '2029-07-01'),
        item('c', '2030-04-01', '2030-07-01'),
        item('d', '2030-04-01', '2030-07-01')
      ],
      capacity: 1,
      expected: ['capacity:2029-04-01', 'capacity:2030-04-01']
    }
  ])('$name', ({ items, capacity, expected }) => {
    const warnings = rulesOf(plan({ items, settings: { capacity } }), 'capacity');
    expect(warnings.map((w) => w.id)).toEqual(expected);
    for (const w of warnings) expect(w.status).toBe('fail');
  });

  it('says how many, when, and which items', () => {
    const [w] = rulesOf(plan({ items: overlapping(4) }), 'capacity');
    expect(w!.summary).toBe(
      '4 redesigns in flight in Apr–Jun 2029 to Jan–Mar 2030; the programme can run 3 at once'
    );
    expect(w!.itemIds.sort()).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(w!.howToFix).toContain('Move 1 redesign later');
  });
});

describe('dependencies', () => {
  it.each([
    { name: 'starts when the predecessor ends', start: '2030-04-01', violated: false },
    { name: 'starts after', start: '2031-01-01', violated: false },
    { name: 'starts a month early', start: '2030-03-01', violated: true },
    { name: 'starts together', start: '2029-04-01', violated: true }
  ])('$name', ({ start, violated }) => {
    const p = plan({
      items: [item('first', '2029-04-01', '2030-04-01'), item('second', start, '2032-04-01')],
      dependencies: [{ predecessorId: 'first', successorId: 'second' }]
    });
    const warnings = rulesOf(p, 'dependency');
    expect(warnings).toHaveLength(violated ? 1 : 0);
    if (violated) expect(warnings[0]!.itemIds).toEqual(['second', 'first']);
  });

  it('says how early and when it could start', () => {
    const p = plan({
      items: [
        item('Finance', '2029-04-01', '2030-04-01'),
        item('Payroll', '2030-01-01', '2031-01-01')
      ],
      dependencies: [{ predecessorId: 'Finance', successorId: 'Payroll' }]
    });
    const [w] = rulesOf(p, 'dependency');
    expect(w!.summary).toBe(
      'Payroll starts 3 months before Finance, which it depends on, has finished'
    );
    expect(w!.howToFix).toBe('Start Payroll in April 2030 or later, or finish Finance sooner.');
  });

  it('ignores a dependency on an item that is not in the plan', () => {
    const p = plan({
      items: [item('a', '2029-04-01', '2030-04-01')],
      dependencies: [{ predecessorId: 'gone', successorId: 'a' }]
    });
    expect(rulesOf(p, 'dependency')).toEqual([]);
  });
});

describe('dependency cycles', () => {
  const ids = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  const edges = (pairs: string[]) =>
    pairs.map((p) => ({ predecessorId: p[0]!, successorId: p[1]! }));
  it.each([
    { name: 'none in a chain', pairs: ['ab', 'bc', 'cd'], cycles: [] },
    { name: 'two items', pairs: ['ab', 'ba'], cycles: [['a', 'b']] },
    {
      name: 'three items, entered anywhere',
      pairs: ['bc', 'ca', 'ab', 'cd'],
      cycles: [['a', 'b', 'c']]
    },
    { name: 'an item on itself', pairs: ['aa', 'bc'], cycles: [['a']] },
    {
      name: 'two separate circles',
      pairs: ['ab', 'ba', 'cd', 'dc'],
      cycles: [
        ['a', 'b'],
        ['c', 'd']
      ]
    },
    { name: 'a diamond is not a circle', pairs: ['ab', 'ac', 'bd', 'cd'], cycles: [] }
  ])('$name', ({ pairs, cycles }) => {
    const found = dependencyCycles(ids, edges(pairs)).sort((x, y) => x[0]!.localeCompare(y[0]!));
    expect(found).toEqual(cycles);
  });

  it('reports a circle as a failure naming it round', () => {
    const p = plan({
      items: [item('A', '2029-04-01', '2030-04-01'), item('B', '2030-04-01', '2031-04-01')],
      dependencies: edges(['AB', 'BA'])
    });
    const [w] = rulesOf(p, 'cycle');
    expect(w).toMatchObject({
      status: 'fail',
      summary: 'A → B → A: these depend on each other in a circle'
    });
  });
});

describe('redesign before the stabilisation window', () => {
  it.each([
    { name: 'on vesting day', start: '2028-04-01', kind: 'redesign', warns: true },
    { name: 'a month before the window ends', start: '2029-03-01', kind: 'redesign', warns: true },
    { name: 'when the window ends', start: '2029-04-01', kind: 'redesign', warns: false },
    { name: 'a foundation on vesting day', start: '2028-04-01', kind: 'foundation', warns: false }
  ] as const)('$name', ({ start, kind, warns }) => {
    const p = plan({ items: [item('x', start, '2031-04-01', { kind })] });
    expect(rulesOf(p, 'stabilisation')).toHaveLength(warns ? 1 : 0);
  });

  it('with no window, nothing after vesting day warns', () => {
    const p = plan({
      items: [item('x', '2028-04-01', '2030-04-01')],
      settings: { stabilisationMonths: 0 }
    });
    expect(rulesOf(p, 'stabilisation')).toEqual([]);
  });
});

describe('service areas never reached', () => {
  const areas = [
    { id: 'waste', name: 'Waste', category: 'service' as const },
    { id: 'libraries', name: 'Libraries', category: 'service' as const },
    { id: 'finance', name: 'Finance', category: 'foundation' as const }
  ];
  it.each([
    { name: 'none planned', items: [], missing: 2 },
    {
      name: 'one redesigned',
      items: [item('w', '2030-04-01', '2032-04-01', { serviceAreaId: 'waste' })],
      missing: 1
    },
    {
      name: 'spanning the horizon edge counts as reached',
      items: [
        item('w', '2030-04-01', '2032-04-01', { serviceAreaId: 'waste' }),
        item('l', '2037-04-01', '2039-04-01', { serviceAreaId: 'libraries' })
      ],
      missing: 0
    },
    {
      name: 'starting on the horizon is too late',
      items: [
        item('w', '2030-04-01', '2032-04-01', { serviceAreaId: 'waste' }),
        item('l', '2038-04-01', '2039-04-01', { serviceAreaId: 'libraries' })
      ],
      missing: 1
    },
    {
      name: 'a foundation piece does not reach a service',
      items: [
        item('w', '2030-04-01', '2032-04-01', { serviceAreaId: 'waste', kind: 'foundation' })
      ],
      missing: 2
    }
  ])('$name', ({ items, missing }) => {
    const warnings = rulesOf(plan({ items, serviceAreas: areas }), 'unreached-area');
    expect(warnings).toHaveLength(missing === 0 ? 0 : 1);
    if (missing)
      expect(warnings[0]!.summary).toMatch(new RegExp(`^${missing} service areas? (is|are) never`));
  });
});

describe('roadmap short of the horizon', () => {
  it.each([
    { name: 'empty', ends: [], warns: true },
    { name: 'ends at the horizon', ends: ['2038-04-01'], warns: false },
    { name: 'ends a year short', ends: ['2037-04-01'], warns: false },
    { name: 'ends thirteen months short', ends: ['2037-03-01'], warns: true },
    { name: 'runs past the horizon', ends: ['2030-01-01', '2040-01-01'], warns: false }
  ])('$name', ({ ends, warns }) => {
    const items = ends.map((end, i) => item(`i${i}`, '2029-04-01', end));
    expect(rulesOf(plan({ items }), 'horizon')).toHaveLength(warns ? 1 : 0);
  });

  it('says how far short', () => {
    const [w] = rulesOf(plan({ items: [item('x', '2029-04-01', '2033-04-01')] }), 'horizon');
    expect(w!.summary).toBe(
      'The roadmap stops in April 2033, 5 years short of the horizon (1 April 2038)'
    );
  });
});

describe('linked contracts and go-live', () => {
  const contract = (endDate: string, options: number[] = [], exercised = 0): RoadmapContract => ({
    id: 'c1',
    reference: 'C-1',
    title: 'Care system',
    startDate: '2020-04-01',
    endDate,
    noticePeriodValue: 3,
    noticePeriodUnit: 'months',
    maxEndDate: null,
    extensionOptions: options.map((lengthMonths, i) => ({ lengthMonths, exercised: i < exercised }))
  });
  const redesign = item('Care', '2029-04-01', '2032-04-01', {
    liveStart: '2031-04-01',
    contractIds: ['c1']
  });
  it.each([
    { name: 'ends at go-live', c: contract('2031-03-31'), rule: null, status: null },
    { name: 'ends two months before', c: contract('2031-02-01'), rule: null, status: null },
    {
      name: 'ends six months before, options cover it',
      c: contract('2030-10-01', [12]),
      rule: 'bridging',
      status: 'warn'
    },
    {
      name: 'ends a year before, no options',
      c: contract('2030-04-01'),
      rule: 'bridging',
      status: 'fail'
    },
    {
      name: 'exercised options count',
      c: contract('2029-04-01', [24], 1),
      rule: null,
      status: null
    },
    { name: 'runs 11 months past', c: contract('2032-03-01'), rule: null, status: null },
    { name: 'runs two years past', c: contract('2033-04-01'), rule: 'paying-twice', status: 'warn' }
  ])('$name', ({ c, rule, status }) => {
    const warnings = evaluateRoadmap(plan({ items: [redesign], contracts: [c] })).filter((w) =>
      ['bridging', 'paying-twice'].includes(w.rule)
    );
    expect(warnings.map((w) => [w.rule, w.status])).toEqual(rule ? [[rule, status]] : []);
  });

  it('says how long a bridging extension is needed', () => {
    const [w] = evaluateRoadmap(
      plan({ items: [redesign], contracts: [contract('2030-04-01')] })
    ).filter((x) => x.rule === 'bridging');
    expect(w!.summary).toContain('it needs a 1 year extension to bridge the gap');
    expect(w!.howToFix).toContain('negotiate 1 year beyond 1 April 2030');
  });

  it('skips a contract with no end date', () => {
    const c = { ...contract('2030-04-01'), endDate: null };
    expect(
      evaluateRoadmap(plan({ items: [redesign], contracts: [c] })).filter(
        (w) => w.rule === 'bridging'
      )
    ).toEqual([]);
  });
});

describe('schedules', () => {
  const s = {
    startDate: '2029-04-01',
    alphaStart: '2029-07-01',
    betaStart: '2030-01-01',
    liveStart: '2030-10-01',
    endDate: '2031-04-01'
  };
  it('lists non-empty phases', () => {
    expect(phaseSegments({ ...s, alphaStart: s.startDate }).map((p) => p.phase)).toEqual([
      'alpha',
      'beta',
      'live'
    ]);
  });
  it.each([
    { field: 'alphaStart', months: 1, expected: '2029-08-01' },
    { field: 'alphaStart', months: -6, expected: '2029-04-01' },
    { field: 'alphaStart', months: 12, expected: '2030-01-01' },
    { field: 'startDate', months: 36, expected: '2029-07-01' },
    { field: 'endDate', months: -36, expected: '2030-10-01' },
    { field: 'endDate', months: 3, expected: '2031-07-01' }
  ] as const)('moving $field by $months months gives $expected', ({ field, months, expected }) => {
    expect(moveBoundary(s, field, months)[field]).toBe(expected);
  });
  it('shifts every date, clamping month ends', () => {
    expect(shiftSchedule({ ...s, endDate: '2031-01-31' }, 1)).toEqual({
      startDate: '2029-05-01',
      alphaStart: '2029-08-01',
      betaStart: '2030-02-01',
      liveStart: '2030-11-01',
      endDate: '2031-02-28'
    });
  });
  it.each([
    { change: {}, problems: {} },
    {
      change: { alphaStart: '2029-03-01' },
      problems: { alphaStart: 'Alpha cannot start before discovery' }
    },
    {
      change: {
        endDate: '2029-04-01',
        liveStart: '2029-04-01',
        betaStart: '2029-04-01',
        alphaStart: '2029-04-01'
      },
      problems: { endDate: 'The end must be after the start' }
    },
    { change: { betaStart: '2029-02-30' }, problems: { betaStart: 'Enter a real date' } }
  ])('problems with $change', ({ change, problems }) => {
    expect(scheduleProblems({ ...s, ...change })).toEqual(problems);
  });
  it('counts redesigns per quarter', () => {
    const loads = quarterLoads([item('a', '2029-02-01', '2029-05-01')], '2029-01-01', '2029-07-01');
    expect(loads.map((q) => [q.start, q.itemIds])).toEqual([
      ['2029-01-01', ['a']],
      ['2029-04-01', ['a']]
    ]);
  });
});

describe('comparing scenarios', () => {
  const s = (lineageId: string, start: string, end = '2031-04-01') => ({
    lineageId,
    title: lineageId,
    startDate: start,
    alphaStart: start,
    betaStart: start,
    liveStart: end,
    endDate: end
  });
  it.each([
    { name: 'identical', a: [s('x', '2029-04-01')], b: [s('x', '2029-04-01')], changes: ['same'] },
    { name: 'added', a: [], b: [s('x', '2029-04-01')], changes: ['added'] },
    { name: 'removed', a: [s('x', '2029-04-01')], b: [], changes: ['removed'] },
    {
      name: 'moved by lineage',
      a: [s('x', '2029-04-01')],
      b: [s('x', '2029-10-01')],
      changes: ['moved']
    }
  ])('$name', ({ a, b, changes }) => {
    expect(compareScenarios(a, b).map((r) => r.change)).toEqual(changes);
  });
  it('says by how many months each date moved', () => {
    const [row] = compareScenarios([s('x', '2029-04-01')], [s('x', '2029-10-01', '2031-01-01')]);
    expect(row!.shifts).toEqual({
      startDate: 6,
      alphaStart: 6,
      betaStart: 6,
      liveStart: -3,
      endDate: -3
    });
  });
});
