import { describe, expect, it } from 'vitest';
import { layoutCliff, quarterOf, quartersOf } from '#lib/charts/cliff-layout.ts';

describe('quarterOf', () => {
  it.each([
    ['2028-04-01', '2028-04-01', '2028-06-30', 'Apr–Jun 2028'],
    ['2028-03-31', '2028-01-01', '2028-03-31', 'Jan–Mar 2028'],
    ['2028-02-29', '2028-01-01', '2028-03-31', 'Jan–Mar 2028'],
    ['2027-12-31', '2027-10-01', '2027-12-31', 'Oct–Dec 2027'],
    ['2027-08-15', '2027-07-01', '2027-09-30', 'Jul–Sep 2027']
  ])('%s is in %s to %s (%s)', (date, start, end, label) => {
    expect(quarterOf(date)).toEqual({ start, end, label });
  });
});

describe('quartersOf', () => {
  it.each([
    [{ start: '2026-10-01', end: '2031-04-01' }, 19, '2026-10-01', '2031-04-01'],
    [{ start: '2026-10-01', end: '2031-02-28' }, 18, '2026-10-01', '2031-01-01'],
    [{ start: '2026-10-01', end: '2026-10-01' }, 1, '2026-10-01', '2026-10-01'],
    [{ start: '2026-10-01', end: '2026-12-31' }, 1, '2026-10-01', '2026-10-01']
  ])('%j → %i quarters from %s to %s', (window, n, first, last) => {
    const quarters = quartersOf(window);
    expect(quarters).toHaveLength(n);
    expect(quarters[0]!.start).toBe(first);
    expect(quarters.at(-1)!.start).toBe(last);
  });
});

describe('layoutCliff', () => {
  const window = { start: '2026-10-01', end: '2028-03-31' };

  it('fills quarters without totals with zero and ignores those outside the window', () => {
    const layout = layoutCliff(window, [
      { quarter: '2027-04-01', count: 3, valuePence: 30_000_00 },
      { quarter: '2027-10-01', count: 1, valuePence: 90_000_00 },
      { quarter: '2035-01-01', count: 99, valuePence: 1 }
    ]);
    expect(layout.bars.map((b) => [b.start, b.count, b.valuePence])).toEqual([
      ['2026-10-01', 0, 0],
      ['2027-01-01', 0, 0],
      ['2027-04-01', 3, 30_000_00],
      ['2027-07-01', 0, 0],
      ['2027-10-01', 1, 90_000_00],
      ['2028-01-01', 0, 0]
    ]);
  });

  it('draws taller bars for more, from a shared baseline, left to right', () => {
    const layout = layoutCliff(window, [
      { quarter: '2027-04-01', count: 4, valuePence: 10_00 },
      { quarter: '2027-10-01', count: 2, valuePence: 40_00 }
    ]);
    const [, , a, , b] = layout.bars;
    expect(a!.countHeight).toBeGreaterThan(b!.countHeight);
    expect(b!.valueHeight).toBeGreaterThan(a!.valueHeight);
    expect(a!.countY + a!.countHeight).toBeCloseTo(layout.plot.bottom);
    expect(layout.bars[0]!.countHeight).toBe(0);
    const xs = layout.bars.map((bar) => bar.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
  });

  it('only has whole-number count ticks, even for tiny counts', () => {
    const layout = layoutCliff(window, [{ quarter: '2027-04-01', count: 1, valuePence: 5 }]);
    expect(layout.countTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(layout.countTicks.map((t) => t.value)).toContain(1);
  });

  it('copes with an empty programme and thins labels on long windows', () => {
    const empty = layoutCliff(window, []);
    expect(empty.bars.every((b) => b.count === 0 && b.countHeight === 0)).toBe(true);
    expect(empty.labelEvery).toBe(1);
    const long = layoutCliff({ start: '2026-10-01', end: '2036-10-01' }, []);
    expect(long.bars).toHaveLength(41);
    expect(long.labelEvery).toBe(4);
  });
});
