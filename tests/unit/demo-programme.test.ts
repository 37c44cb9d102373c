import { describe, expect, it } from 'vitest';
import { buildDemoProgramme } from '#lib/domain/demo-programme.ts';
import { daysBetween, isIsoDate } from '#lib/domain/dates.ts';

describe('the demo programme', () => {
  it.each(['2026-11-27', '2027-01-01', '2027-06-15', '2028-02-29'])(
    'built on %s has vesting day on 1 April about sixteen months ahead',
    (today) => {
      const demo = buildDemoProgramme(today);
      expect(demo.vestingDate.slice(5)).toBe('04-01');
      const days = daysBetween(today, demo.vestingDate);
      expect(days).toBeGreaterThanOrEqual(15 * 30);
      expect(days).toBeLessThanOrEqual(28 * 31);
    }
  );

  const demo = buildDemoProgramme('2026-11-27');
  const byKey = new Map(demo.councils.map((c) => [c.key, c]));

  it('is a county and five districts becoming two unitaries', () => {
    const predecessors = demo.councils.filter((c) => c.role === 'predecessor');
    const successors = demo.councils.filter((c) => c.role === 'successor');
    expect(predecessors.filter((c) => c.kind === 'county')).toHaveLength(1);
    expect(predecessors.filter((c) => c.kind === 'district')).toHaveLength(5);
    expect(successors).toHaveLength(2);
    expect(successors.every((c) => c.kind === 'unitary')).toBe(true);
  });

  it('assigns every predecessor to existing successors, and splits the county', () => {
    for (const council of demo.councils.filter((c) => c.role === 'predecessor')) {
      expect(council.succeededBy.length, council.name).toBeGreaterThan(0);
      for (const key of council.succeededBy) expect(byKey.get(key)?.role).toBe('successor');
    }
    expect(byKey.get('thornshire')?.succeededBy).toHaveLength(2);
  });

  it('refers only to councils and systems it defines, with valid dates and whole pence', () => {
    const systemKeys = new Set(demo.systems.map((s) => s.key));
    const areas = new Set(demo.serviceAreas.map((a) => a.name));
    for (const s of demo.systems) {
      expect(byKey.has(s.council), s.key).toBe(true);
      expect(areas.has(s.serviceArea), s.key).toBe(true);
      expect(Number.isInteger(s.annualCostPence)).toBe(true);
    }
    for (const c of demo.contracts) {
      expect(byKey.has(c.council), c.reference).toBe(true);
      expect(isIsoDate(c.startDate) && isIsoDate(c.endDate)).toBe(true);
      expect(c.startDate < c.endDate).toBe(true);
      for (const key of c.systems) expect(systemKeys.has(key), key).toBe(true);
    }
    const references = demo.contracts.map((c) => `${c.council}/${c.reference}`);
    expect(new Set(references).size).toBe(references.length);
  });

  it('has contracts ending on both sides of vesting day', () => {
    expect(demo.contracts.some((c) => c.endDate < demo.vestingDate)).toBe(true);
    expect(demo.contracts.some((c) => c.endDate > demo.vestingDate)).toBe(true);
  });
});
