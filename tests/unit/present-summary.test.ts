import { describe, expect, it } from 'vitest';
import type { RoadmapWarning } from '#lib/domain/roadmap/index.ts';
import { keyDates, summariseWarnings } from '#lib/domain/present/summary.ts';

const warning = (rule: RoadmapWarning['rule'], status: 'warn' | 'fail'): RoadmapWarning => ({
  id: `${rule}-${status}-${Math.random()}`,
  rule,
  status,
  summary: rule,
  itemIds: [],
  howToFix: ''
});

describe('summariseWarnings', () => {
  it('counts nothing for a clean plan', () => {
    expect(summariseWarnings([])).toEqual({ problems: 0, warnings: 0, byRule: [] });
  });

  it('counts problems and warnings by rule, in rule order, leaving out empty rules', () => {
    const summary = summariseWarnings([
      warning('capacity', 'warn'),
      warning('cycle', 'fail'),
      warning('capacity', 'warn'),
      warning('dependency', 'fail'),
      warning('horizon', 'warn')
    ]);
    expect(summary.problems).toBe(2);
    expect(summary.warnings).toBe(3);
    expect(summary.byRule.map((r) => [r.rule, r.problems, r.warnings])).toEqual([
      ['cycle', 1, 0],
      ['dependency', 1, 0],
      ['capacity', 0, 2],
      ['horizon', 0, 1]
    ]);
  });
});

describe('keyDates', () => {
  it('puts vesting day, milestones, go-lives and the horizon in date order', () => {
    const dates = keyDates({
      vestingDate: '2028-04-01',
      horizonEnd: '2038-04-01',
      milestones: [
        { id: 'm0', name: 'Vesting day', date: '2028-04-01' },
        { id: 'm1', name: 'Elections', date: '2027-05-06' }
      ],
      goLives: [{ id: 'i1', title: 'Waste', liveStart: '2030-01-01' }]
    });
    expect(dates.map((d) => [d.kind, d.date])).toEqual([
      ['milestone', '2027-05-06'],
      ['vesting', '2028-04-01'],
      ['go-live', '2030-01-01'],
      ['horizon', '2038-04-01']
    ]);
  });
});
