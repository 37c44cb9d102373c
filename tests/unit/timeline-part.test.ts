import { describe, expect, it } from 'vitest';
import { timelineItem } from './support/timeline-item';
import { layoutRows } from '#lib/charts/timeline-layout.ts';
import { rowsOfPart, timelinePart } from '#lib/charts/timeline-part.ts';

const item = timelineItem;

const lanes = [
  { key: 'w', label: 'Waste' },
  { key: 'f', label: 'Finance' }
];
// 30 overlapping items per lane: 30 rows each, taller than one 400 px page.
const items = ['w', 'f'].flatMap((area) =>
  Array.from({ length: 30 }, (_, i) => item(`${area}${i}`, '2029-01-01', '2030-01-01', area))
);
const dependencies = [
  { predecessorId: 'w0', successorId: 'w1' },
  { predecessorId: 'w0', successorId: 'f29' }
];

describe('a part of the timeline', () => {
  const whole = layoutRows(items, dependencies, lanes, 'area');

  it.each([1, 2, 3, 4, 99])('page %i holds its items where the whole layout has them', (asked) => {
    const {
      items: onPage,
      dependencies: kept,
      part
    } = timelinePart(items, dependencies, lanes, 'area', 400, asked);
    expect(part.index).toBe(Math.min(asked, part.pages.length) - 1);
    expect(part.height).toBe(whole.height);
    expect(part.lanes).toEqual(whole.lanes);
    const page = part.pages[part.index]!;
    const rows = rowsOfPart(onPage, kept, part, 'area');
    expect(rows.bars.length).toBeGreaterThan(0);
    for (const bar of rows.bars) {
      const full = whole.barOf.get(bar.item.id)!;
      expect(bar).toEqual(full);
      expect(bar.y).toBeGreaterThanOrEqual(page.top);
      expect(bar.y).toBeLessThan(page.bottom);
    }
    // Only dependencies with both ends on the page: the other end is not there to draw to.
    for (const d of rows.dependencies) {
      expect(rows.barOf.has(d.predecessorId) && rows.barOf.has(d.successorId)).toBe(true);
    }
  });

  it('leaves out items of other pages even when given them', () => {
    const { part } = timelinePart(items, dependencies, lanes, 'area', 400, 1);
    const rows = rowsOfPart(items, dependencies, part, 'area');
    expect(rows.bars.map((b) => b.item.id).sort()).toEqual(Object.keys(part.y).sort());
    expect(rows.dependencies).toEqual([{ predecessorId: 'w0', successorId: 'w1' }]);
  });
});
