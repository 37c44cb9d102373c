import { describe, expect, it } from 'vitest';
import {
  contractCost,
  contractEnds,
  naiveSchedule,
  planCost,
  proposeRoadmap,
  scheduleFrom,
  SIZE_PHASES,
  type BindingContract,
  type PlannerInput
} from '#lib/domain/planner/index.ts';
import { monthIndex } from '#lib/domain/roadmap/index.ts';
import { area, brokenDependencies, input, overloadedQuarters } from './fixtures';

const contract = (id: string, ...ends: string[]): BindingContract => ({
  id,
  reference: id.toUpperCase(),
  title: `Contract ${id}`,
  ends
});

describe('contractCost', () => {
  const c = contract('c', '2031-03-31', '2032-03-31');
  it.each([
    ['go-live the month after the last day: no gap, no overlap', '2031-04-01', 0, 0],
    ['a month before the end is the cut-over', '2031-03-01', 0, 0],
    ['six months before the end pays five months twice', '2030-10-01', 0, 5],
    ['after the current end the next option covers it', '2031-06-01', 0, 9],
    ['past the latest end needs a bridging extension', '2032-07-01', 3, 0]
  ])('%s', (_name, goLive, bridging, doubleRunning) => {
    expect(contractCost(c, monthIndex(goLive))).toEqual({ bridging, doubleRunning });
  });
});

describe('proposeRoadmap', () => {
  it('never puts more redesigns in a quarter than the capacity, year by year', () => {
    const areas = Array.from({ length: 12 }, (_, i) =>
      area(`a${i}`, { size: 's', phases: SIZE_PHASES.s })
    );
    const plannerInput = input(areas, { capacityByYear: { 2030: 1, 2031: 3 } });
    const proposal = proposeRoadmap(plannerInput);
    expect(proposal.items).toHaveLength(12);
    expect(overloadedQuarters(plannerInput, proposal)).toEqual([]);
  });

  it('starts each redesign after the ones it depends on have finished', () => {
    const plannerInput = input([
      area('a', { priority: 5 }),
      area('b', { priority: 1, dependsOn: ['a'] }),
      area('c', { priority: 1, dependsOn: ['a', 'b'] })
    ]);
    const proposal = proposeRoadmap(plannerInput);
    expect(brokenDependencies(plannerInput, proposal)).toEqual([]);
    const b = proposal.items.find((i) => i.areaId === 'b')!;
    expect(b.binding).toBe('dependency');
    expect(b.boundBy).toBe('a');
  });

  it('reports a circle of dependencies and schedules the rest', () => {
    const plannerInput = input([
      area('a', { dependsOn: ['b'] }),
      area('b', { dependsOn: ['a'] }),
      area('c', { dependsOn: ['a'] }),
      area('d')
    ]);
    const proposal = proposeRoadmap(plannerInput);
    expect(proposal.cycles).toEqual([['a', 'b']]);
    expect(proposal.unplaced).toEqual([
      { areaId: 'a', reason: 'cycle' },
      { areaId: 'b', reason: 'cycle' },
      { areaId: 'c', reason: 'depends-on-unplaced' }
    ]);
    expect(proposal.items.map((i) => i.areaId)).toEqual(['d']);
    expect(proposal.cost.unreachedAreas).toBe(3);
  });

  it('gives the same plan for the same input, whatever order the areas come in', () => {
    const areas = Array.from({ length: 9 }, (_, i) =>
      area(`a${i}`, {
        priority: 1 + (i % 4),
        contracts: [contract(`c${i}`, `${2030 + (i % 5)}-0${1 + (i % 9)}-15`)],
        dependsOn: i > 5 ? [`a${i - 4}`] : []
      })
    );
    const first = proposeRoadmap(input(areas));
    expect(proposeRoadmap(input(areas))).toEqual(first);
    expect(proposeRoadmap(input([...areas].reverse()))).toEqual(first);
  });

  it('goes live as each area’s contracts end when capacity allows', () => {
    const plannerInput = input(
      [
        area('a', { contracts: [contract('ca', '2031-06-30')] }),
        area('b', { contracts: [contract('cb', '2032-03-31', '2033-03-31')] }),
        area('c', { contracts: [contract('cc', '2030-12-31'), contract('cd', '2030-12-31')] })
      ],
      { settings: { ...input([]).settings, capacity: 3 } }
    );
    const proposal = proposeRoadmap(plannerInput);
    expect(proposal.cost).toMatchObject({ bridgingMonths: 0, doubleRunningMonths: 0 });
    const goLive = Object.fromEntries(proposal.items.map((i) => [i.areaId, i.schedule.liveStart]));
    expect(goLive).toEqual({ a: '2031-06-01', b: '2032-03-01', c: '2030-12-01' });
    expect(proposal.items.every((i) => i.binding === 'contract-window')).toBe(true);
  });

  it('finds the known optimum of a small programme, where the naive order does not', () => {
    // One team; the low-priority area's contract ends first. Exhaustive search below.
    const plannerInput = input(
      [
        area('high', {
          priority: 1,
          size: 's',
          phases: SIZE_PHASES.s,
          contracts: [contract('h', '2031-12-31')]
        }),
        area('low', {
          priority: 4,
          size: 's',
          phases: SIZE_PHASES.s,
          contracts: [contract('l', '2030-06-30')]
        })
      ],
      { settings: { ...input([]).settings, capacity: 1 } }
    );
    const optimum = bruteForceOptimum(plannerInput, 48);
    const proposal = proposeRoadmap(plannerInput);
    expect(proposal.cost.total).toBe(optimum);
    expect(proposal.cost.total).toBe(0);
    expect(naiveSchedule(plannerInput).cost.total).toBeGreaterThan(optimum);
  });
});

/** The cheapest feasible plan with every start within `range` months of the earliest. */
function bruteForceOptimum(plannerInput: PlannerInput, range: number): number {
  const earliest = monthIndex('2029-04-01');
  const [a, b] = plannerInput.areas;
  let best = Infinity;
  for (let i = 0; i < range; i++) {
    for (let j = 0; j < range; j++) {
      const sa = scheduleFrom(earliest + i, a!.phases);
      const sb = scheduleFrom(earliest + j, b!.phases);
      const proposal = {
        items: [
          {
            areaId: a!.id,
            schedule: sa,
            binding: 'capacity' as const,
            boundBy: null,
            targetGoLive: ''
          },
          {
            areaId: b!.id,
            schedule: sb,
            binding: 'capacity' as const,
            boundBy: null,
            targetGoLive: ''
          }
        ],
        unplaced: [],
        cycles: [],
        cost: planCost(plannerInput, new Map())
      };
      if (overloadedQuarters(plannerInput, proposal).length > 0) continue;
      const cost = planCost(
        plannerInput,
        new Map([
          [a!.id, sa],
          [b!.id, sb]
        ])
      ).total;
      best = Math.min(best, cost);
    }
  }
  return best;
}

describe('contractEnds', () => {
  const terms = {
    startDate: null,
    endDate: '2030-03-31',
    noticePeriodValue: null,
    noticePeriodUnit: null,
    maxEndDate: null,
    extensionOptions: [
      { lengthMonths: 12, exercised: true },
      { lengthMonths: 12, exercised: false },
      { lengthMonths: 6, exercised: false }
    ]
  };
  it.each([
    ['current end, then each remaining option', terms, ['2031-03-31', '2032-03-31', '2032-09-30']],
    ['no options left', { ...terms, extensionOptions: [] }, ['2030-03-31']],
    [
      'a later published maximum end is the last',
      { ...terms, maxEndDate: '2033-03-31' },
      ['2031-03-31', '2032-03-31', '2032-09-30', '2033-03-31']
    ],
    ['no end date', { ...terms, endDate: null }, null]
  ])('%s', (_name, t, expected) => {
    expect(contractEnds(t)).toEqual(expected);
  });
});
