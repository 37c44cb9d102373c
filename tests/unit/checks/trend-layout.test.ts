import { describe, expect, it } from 'vitest';
import { layoutTrend, TREND_STATUSES } from '#lib/charts/trend-layout.ts';

const point = (takenAt: string, pass: number, warn = 0, fail = 0, unknown = 0) => ({
  takenAt,
  pass,
  warn,
  fail,
  unknown
});

describe('readiness trend layout', () => {
  it.each([
    ['one snapshot', [point('2027-01-01T09:00:00Z', 3, 1, 2, 2)]],
    [
      'two snapshots a day apart',
      [point('2027-01-01T09:00:00Z', 1), point('2027-01-02T09:00:00Z', 4)]
    ],
    ['all zero', [point('2027-01-01T09:00:00Z', 0), point('2027-03-01T09:00:00Z', 0)]]
  ])('%s: one line per status, every point inside the chart', (_name, points) => {
    const layout = layoutTrend(points, 640, 240);
    expect(layout.lines.map((l) => l.status)).toEqual([...TREND_STATUSES]);
    for (const line of layout.lines) {
      expect(line.points).toHaveLength(points.length);
      expect(line.path).toMatch(/^M/);
      for (const p of line.points) {
        expect(p.x).toBeGreaterThanOrEqual(layout.margin.left);
        expect(p.x).toBeLessThanOrEqual(640 - layout.margin.right);
        expect(p.y).toBeGreaterThanOrEqual(layout.margin.top);
        expect(p.y).toBeLessThanOrEqual(240 - layout.margin.bottom);
      }
    }
    expect(layout.yTicks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
  });

  it('puts a higher count higher up, and later snapshots to the right', () => {
    const layout = layoutTrend([
      point('2027-01-01T00:00:00Z', 1),
      point('2027-02-01T00:00:00Z', 5)
    ]);
    const pass = layout.lines.find((l) => l.status === 'pass')!;
    expect(pass.points[1]!.x).toBeGreaterThan(pass.points[0]!.x);
    expect(pass.points[1]!.y).toBeLessThan(pass.points[0]!.y);
    expect(pass.points[0]!.when).toBe('1 Jan 2027');
  });
});
