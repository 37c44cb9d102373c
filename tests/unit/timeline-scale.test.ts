import { describe, expect, it } from 'vitest';
import { timelineItem } from './support/timeline-item';
import { layoutTimeline, lanesFor, packRows } from '#lib/charts/timeline-layout.ts';
import {
  axisTicks,
  isoToDate,
  monthsMoved,
  nearestLevel,
  parseZoom,
  PX_PER_MONTH,
  snapToMonth,
  timelineWindow,
  timeScale,
  zoomAround,
  ZOOM_LEVELS
} from '#lib/charts/timeline-scale.ts';
import { STATUS_LABELS } from '#lib/domain/roadmap/index.ts';

describe('the time scale', () => {
  it.each(ZOOM_LEVELS)('at %s zoom is about a month per PX_PER_MONTH pixels, in UTC', (level) => {
    const scale = timeScale('2028-01-01', '2038-01-01', PX_PER_MONTH[level]);
    expect(scale(isoToDate('2028-01-01'))).toBe(0);
    // Ten years are 120 months' width, give or take the leap days.
    expect(Math.abs(scale.range()[1]! - 120 * PX_PER_MONTH[level])).toBeLessThanOrEqual(3);
    // A year is twelve months' width whatever the month lengths.
    const year = scale(isoToDate('2029-01-01')) - scale(isoToDate('2028-01-01'));
    expect(year / PX_PER_MONTH[level]).toBeCloseTo(12, 0);
  });

  it.each([
    { at: '2029-04-10T00:00:00Z', expected: '2029-04-01' },
    { at: '2029-04-20T00:00:00Z', expected: '2029-05-01' },
    { at: '2029-02-14T23:00:00Z', expected: '2029-02-01' },
    { at: '2029-02-15T01:00:00Z', expected: '2029-03-01' },
    { at: '2028-02-15T00:00:00Z', expected: '2028-02-01' },
    { at: '2029-12-31T23:59:59Z', expected: '2030-01-01' },
    { at: '2029-03-31T23:30:00Z', expected: '2029-04-01' }
  ])('snaps $at to $expected', ({ at, expected }) => {
    expect(snapToMonth(new Date(at))).toBe(expected);
  });

  it.each([
    { dx: 0, months: 0 },
    { dx: 14 * 3, months: 3 },
    { dx: 14 * 3 + 6, months: 3 },
    { dx: 14 * 3 + 8, months: 4 },
    { dx: -14 * 6, months: -6 },
    { dx: 14 * 24, months: 24 }
  ])('a drag of $dx px at year zoom moves $months months', ({ dx, months }) => {
    const scale = timeScale('2028-01-01', '2038-01-01', 14);
    expect(monthsMoved(scale, '2030-04-01', dx)).toBe(months);
  });

  it.each([
    { from: '2030-04-20', dx: 0, months: 0 },
    { from: '2030-04-20', dx: 3, months: 0 },
    { from: '2030-04-20', dx: -1, months: 0 },
    { from: '2030-04-20', dx: 14, months: 1 },
    { from: '2030-04-10', dx: -14, months: -1 }
  ])(
    'a date inside a month moves $months months when dragged $dx px (none when dropped where it was)',
    ({ from, dx, months }) => {
      const scale = timeScale('2028-01-01', '2038-01-01', 14);
      expect(monthsMoved(scale, from, dx)).toBe(months);
    }
  );
});

describe('ticks', () => {
  const ticksAt = (level: (typeof ZOOM_LEVELS)[number]) =>
    axisTicks(timeScale('2028-04-01', '2030-04-01', PX_PER_MONTH[level]), PX_PER_MONTH[level]);
  it.each([
    { level: 'month', major: ['2029', '2030'], minorCount: 23, firstMinor: 'Apr' },
    { level: 'quarter', major: ['2029', '2030'], minorCount: 7, firstMinor: 'Apr' },
    { level: 'year', major: ['2029', '2030'], minorCount: 7, firstMinor: '' },
    { level: 'decade', major: ['2029', '2030'], minorCount: 0, firstMinor: undefined }
  ] as const)(
    '$level: years labelled, then months or quarters',
    ({ level, major, minorCount, firstMinor }) => {
      const { major: years, minor } = ticksAt(level);
      expect(years.map((t) => t.label)).toEqual(major);
      expect(minor).toHaveLength(minorCount);
      expect(minor[0]?.label).toBe(firstMinor);
    }
  );

  it('thins year labels when years are too narrow to read', () => {
    const scale = timeScale('2028-01-01', '2058-01-01', 1);
    const { major } = axisTicks(scale, 1);
    expect(major.map((t) => t.label)).toEqual(['2030', '2035', '2040', '2045', '2050', '2055']);
  });
});

describe('zoom', () => {
  it.each([
    { ppm: 90, level: 'month' },
    { ppm: 40, level: 'quarter' },
    { ppm: 14, level: 'year' },
    { ppm: 8, level: 'decade' },
    { ppm: 3, level: 'decade' },
    { ppm: 200, level: 'month' }
  ] as const)('$ppm px a month is nearest $level', ({ ppm, level }) => {
    expect(nearestLevel(ppm)).toBe(level);
  });

  it('keeps the moment under the pointer in place', () => {
    const before = { ppm: 14, scrollLeft: 300, anchorX: 200 };
    const after = zoomAround(before.ppm, 2, before.anchorX, before.scrollLeft);
    expect(after.pxPerMonth).toBe(28);
    // Content x 500 at 14 px/month is month 35.7; at 28 px/month that is x 1000.
    expect(after.scrollLeft + before.anchorX).toBe(1000);
  });

  it.each([
    { factor: 100, expected: 160 },
    { factor: 0.001, expected: 3 }
  ])('clamps a zoom by $factor to $expected px a month', ({ factor, expected }) => {
    expect(zoomAround(14, factor, 0, 0).pxPerMonth).toBe(expected);
  });

  it('never scrolls before the start', () => {
    expect(zoomAround(14, 0.5, 500, 0).scrollLeft).toBe(0);
  });

  it.each([
    ['quarter', 'quarter'],
    ['bogus', 'year'],
    [null, 'year']
  ] as const)('reads zoom=%s as %s', (value, expected) => {
    expect(parseZoom(value)).toBe(expected);
  });
});

describe('the layout', () => {
  const item = timelineItem;

  it('stacks overlapping items in a lane, reusing rows that are free', () => {
    const rows = packRows([
      item('a', '2029-01-01', '2030-01-01', 'x'),
      item('b', '2029-06-01', '2030-06-01', 'x'),
      item('c', '2030-01-01', '2031-01-01', 'x')
    ]);
    expect(Object.fromEntries(rows)).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('puts lanes in order, only those with items, with items without an area last', () => {
    const items = [
      item('a', '2029-01-01', '2030-01-01', null),
      item('b', '2029-01-01', '2030-01-01', 'w')
    ];
    const lanes = lanesFor(
      'area',
      items,
      {
        areas: [
          { id: 'f', name: 'Finance' },
          { id: 'w', name: 'Waste' }
        ],
        councils: []
      },
      STATUS_LABELS
    );
    expect(lanes).toEqual([
      { key: 'w', label: 'Waste' },
      { key: 'none', label: 'No service area' }
    ]);
  });

  it('draws an arrow from the end of one bar to the start of its successor', () => {
    const scale = timeScale('2029-01-01', '2032-01-01', 10);
    const items = [
      item('a', '2029-01-01', '2030-01-01', 'w'),
      item('b', '2030-01-01', '2031-01-01', 'f')
    ];
    const layout = layoutTimeline(
      items,
      [{ predecessorId: 'a', successorId: 'b' }],
      [
        { key: 'w', label: 'Waste' },
        { key: 'f', label: 'Finance' }
      ],
      'area',
      scale
    );
    const [a, b] = layout.bars;
    expect(a!.x + a!.width).toBeCloseTo(b!.x, 5);
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(layout.arrows[0]!.path.startsWith(`M${a!.x + a!.width},`)).toBe(true);
  });
});

describe('the window drawn', () => {
  it.each([
    {
      name: 'today to the horizon',
      items: [],
      expected: { from: '2026-01-01', to: '2038-01-01' }
    },
    {
      name: 'an item past the horizon stretches it',
      items: [{ startDate: '2036-04-01', endDate: '2039-07-01' }],
      expected: { from: '2026-01-01', to: '2040-01-01' }
    },
    {
      name: 'an item before today stretches back',
      items: [{ startDate: '2025-06-01', endDate: '2027-01-01' }],
      expected: { from: '2025-01-01', to: '2038-01-01' }
    }
  ])('$name', ({ items, expected }) => {
    expect(
      timelineWindow(
        { today: '2026-11-27', vestingDate: '2028-04-01', horizonEnd: '2038-01-01' },
        items
      )
    ).toEqual(expected);
  });
});
