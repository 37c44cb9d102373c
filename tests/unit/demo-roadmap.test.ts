import { describe, expect, it } from 'vitest';
import { buildDemoProgramme } from '#lib/domain/demo-programme.ts';
import { buildDemoRoadmap } from '#lib/domain/demo-roadmap.ts';
import { currentEnd } from '#lib/domain/contracts.ts';
import { evaluateRoadmap, scheduleProblems, type RoadmapPlan } from '#lib/domain/roadmap/index.ts';

describe('the demo roadmap', () => {
  const demo = buildDemoProgramme('2026-11-27');
  const roadmap = buildDemoRoadmap(demo.vestingDate);
  const keys = new Set(roadmap.items.map((i) => i.key));

  it('has valid schedules and refers only to what the demo defines', () => {
    const areas = new Set(demo.serviceAreas.map((a) => a.name));
    const systems = new Set(demo.systems.map((s) => s.key));
    const contracts = new Set(demo.contracts.map((c) => c.reference));
    for (const item of roadmap.items) {
      expect(scheduleProblems(item), item.key).toEqual({});
      expect(areas.has(item.serviceArea), item.key).toBe(true);
      for (const k of item.dependsOn) expect(keys.has(k), k).toBe(true);
      for (const k of item.systems) expect(systems.has(k), k).toBe(true);
      for (const k of item.contracts) expect(contracts.has(k), k).toBe(true);
    }
    expect(new Set(roadmap.items.map((i) => i.serviceArea)).size).toBeGreaterThanOrEqual(10);
  });

  it('shows the rules at work: the warnings it is built to raise', () => {
    const areaId = (name: string) => `area:${name}`;
    const plan: RoadmapPlan = {
      settings: {
        vestingDate: demo.vestingDate,
        horizonYears: 10,
        capacity: 3,
        stabilisationMonths: 12
      },
      items: roadmap.items.map((i) => ({
        ...i,
        id: i.key,
        serviceAreaId: areaId(i.serviceArea),
        councilId: null,
        contractIds: i.contracts
      })),
      dependencies: roadmap.items.flatMap((i) =>
        i.dependsOn.map((p) => ({ predecessorId: p, successorId: i.key }))
      ),
      serviceAreas: demo.serviceAreas.map((a) => ({
        id: areaId(a.name),
        name: a.name,
        category: a.category
      })),
      contracts: demo.contracts.map((c) => ({
        id: c.reference,
        reference: c.reference,
        title: c.title,
        startDate: c.startDate,
        endDate: c.endDate,
        noticePeriodValue: c.noticePeriodValue,
        noticePeriodUnit: c.noticePeriodUnit,
        maxEndDate: null,
        extensionOptions: c.extensionMonths.map((lengthMonths) => ({
          lengthMonths,
          exercised: false
        }))
      }))
    };
    const rules = new Set(evaluateRoadmap(plan).map((w) => w.rule));
    expect([...rules].sort()).toEqual(
      [
        'bridging',
        'capacity',
        'cycle',
        'dependency',
        'paying-twice',
        'stabilisation',
        'unreached-area'
      ].sort()
    );
    expect(currentEnd(plan.contracts[0]!)).toBeTruthy();
  });
});
