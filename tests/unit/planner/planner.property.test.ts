import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  earliestStart,
  naiveSchedule,
  proposeRoadmap,
  SIZE_PHASES,
  type PlannerInput
} from '#lib/domain/planner/index.ts';
import { ROADMAP_SIZES } from '#lib/domain/roadmap/index.ts';
import { formatIsoDate } from '#lib/domain/dates.ts';
import { brokenDependencies, overloadedQuarters, SETTINGS } from './fixtures';

/** Random programmes: up to 10 areas, random sizes, contracts, dependencies (cycles allowed). */
const programme: fc.Arbitrary<PlannerInput> = fc
  .record({
    capacity: fc.integer({ min: 1, max: 3 }),
    horizonYears: fc.integer({ min: 2, max: 10 }),
    stabilisationMonths: fc.integer({ min: 0, max: 24 }),
    capacityByYear: fc.dictionary(
      fc.integer({ min: 2028, max: 2040 }).map(String),
      fc.integer({ min: 0, max: 4 }),
      { maxKeys: 3 }
    ),
    areas: fc.array(
      fc.record({
        priority: fc.integer({ min: 1, max: 5 }),
        size: fc.constantFrom(...ROADMAP_SIZES),
        deps: fc.array(fc.nat(9), { maxLength: 2 }),
        ends: fc.array(
          fc.record({
            year: fc.integer({ min: 2027, max: 2040 }),
            month: fc.integer({ min: 1, max: 12 }),
            options: fc.nat(2)
          }),
          { maxLength: 3 }
        )
      }),
      { maxLength: 10 }
    )
  })
  .map((r) => ({
    settings: {
      ...SETTINGS,
      capacity: r.capacity,
      horizonYears: r.horizonYears,
      stabilisationMonths: r.stabilisationMonths
    },
    capacityByYear: Object.fromEntries(
      Object.entries(r.capacityByYear).map(([y, c]) => [Number(y), c])
    ),
    areas: r.areas.map((a, i) => ({
      id: `a${i}`,
      name: `Area ${i}`,
      priority: a.priority,
      size: a.size,
      phases: SIZE_PHASES[a.size],
      dependsOn: [...new Set(a.deps.filter((d) => d < r.areas.length).map((d) => `a${d}`))],
      contracts: a.ends.map((e, k) => ({
        id: `c${i}-${k}`,
        reference: `C${i}-${k}`,
        title: 'Contract',
        ends: Array.from({ length: e.options + 1 }, (_, n) =>
          formatIsoDate(e.year + n, e.month, 28)
        )
      }))
    }))
  }));

describe('the planner’s hard constraints, over random programmes', () => {
  for (const [name, plan] of [
    ['proposeRoadmap', proposeRoadmap],
    ['naiveSchedule', naiveSchedule]
  ] as const) {
    it(`${name}: capacity, dependencies, every area accounted for, cycles reported`, () => {
      fc.assert(
        fc.property(programme, (plannerInput) => {
          const proposal = plan(plannerInput);
          expect(overloadedQuarters(plannerInput, proposal)).toEqual([]);
          expect(brokenDependencies(plannerInput, proposal)).toEqual([]);
          const accounted = [
            ...proposal.items.map((i) => i.areaId),
            ...proposal.unplaced.map((u) => u.areaId)
          ];
          expect(accounted.sort()).toEqual(plannerInput.areas.map((a) => a.id).sort());
          const inCycle = new Set(proposal.cycles.flat());
          for (const u of proposal.unplaced) {
            if (u.reason === 'cycle') expect(inCycle.has(u.areaId)).toBe(true);
          }
          for (const item of proposal.items) {
            expect(inCycle.has(item.areaId)).toBe(false);
            expect(item.schedule.startDate >= earliestStart(plannerInput.settings)).toBe(true);
          }
        }),
        { numRuns: 100, seed: 20280401 }
      );
    }, 120_000);
  }

  it('the proposal never costs more than the naive plan', () => {
    fc.assert(
      fc.property(programme, (plannerInput) => {
        expect(proposeRoadmap(plannerInput).cost.total).toBeLessThanOrEqual(
          naiveSchedule(plannerInput).cost.total
        );
      }),
      { numRuns: 60, seed: 7 }
    );
  }, 120_000);
});
