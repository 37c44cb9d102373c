import { describe, expect, it } from 'vitest';
import { timelineItem } from './support/timeline-item';
import { layoutRows, layoutTimeline, ROW_HEIGHT } from '#lib/charts/timeline-layout.ts';
import { timeScale } from '#lib/charts/timeline-scale.ts';
import {
  drawnPart,
  pageView,
  readingOrder,
  timelinePages,
  movedLayer,
  TimelinePlacer,
  withMoved,
  withoutArrowsOf
} from '#lib/charts/timeline-visible.ts';

const item = timelineItem;

const lanes = [
  { key: 'w', label: 'Waste' },
  { key: 'f', label: 'Finance' }
];
const scale = timeScale('2029-01-01', '2035-01-01', 10);
const items = [
  item('early', '2029-01-01', '2029-06-01'),
  item('late', '2034-01-01', '2034-06-01'),
  item('fin', '2029-03-01', '2030-01-01', 'f')
];
const dependencies = [{ predecessorId: 'early', successorId: 'fin' }];

describe('drawing only what is on screen', () => {
  const rows = layoutRows(items, dependencies, lanes, 'area');
  const ids = (part: { bars: { item: { id: string } }[] }) => part.bars.map((b) => b.item.id);

  it('places bars exactly as the whole layout does', () => {
    const whole = layoutTimeline(items, dependencies, lanes, 'area', scale);
    const part = drawnPart(rows, new TimelinePlacer(scale), null);
    expect(part.bars).toEqual(whole.bars);
    expect(part.arrows).toEqual(whole.arrows);
    expect(part.lanes).toEqual(whole.lanes);
  });

  it.each([
    { what: 'the left of the plan', view: { left: 0, right: 200 }, bars: ['early', 'fin'] },
    { what: 'the right of the plan', view: { left: 620, right: 720 }, bars: ['late'] },
    // A bar just left of the view still shows: its title is drawn to its right.
    { what: 'just past a bar’s end', view: { left: 180, right: 400 }, bars: ['early', 'fin'] },
    { what: 'far past every bar', view: { left: 1000, right: 2000 }, bars: [] }
  ])('across: $what', ({ view, bars }) => {
    const part = drawnPart(rows, new TimelinePlacer(scale), { ...view, top: 0, bottom: 1000 });
    expect(ids(part)).toEqual(bars);
  });

  it('down: only the lanes and bars in the band, and arrows that cross it', () => {
    const finance = rows.lanes[1]!;
    const part = drawnPart(rows, new TimelinePlacer(scale), {
      left: -Infinity,
      right: Infinity,
      top: finance.y,
      bottom: finance.y + finance.height
    });
    expect(part.lanes.map((l) => l.key)).toEqual(['f']);
    expect(ids(part)).toEqual(['fin']);
    expect(part.arrows.map((a) => a.key)).toEqual(['early>fin']);
  });

  it('keeps a bar asked for even off screen', () => {
    const part = drawnPart(
      rows,
      new TimelinePlacer(scale),
      { left: 0, right: 50, top: 0, bottom: 40 },
      ['late']
    );
    expect(ids(part)).toContain('late');
  });

  it('draws a bar being moved at its new dates in its own row, and its arrows follow', () => {
    const placer = new TimelinePlacer(scale);
    const before = drawnPart(rows, placer, null);
    const moved = item('early', '2030-01-01', '2030-06-01');
    const after = withMoved(before, rows, placer, moved);
    const was = before.bars.find((b) => b.item.id === 'early')!;
    const now = after.bars.find((b) => b.item.id === 'early')!;
    expect(now.y).toBe(was.y);
    expect(now.x).toBeGreaterThan(was.x);
    expect(after.arrows[0]!.path).not.toBe(before.arrows[0]!.path);
    // Every other bar is the very same object: nothing else is drawn again.
    for (const id of ['late', 'fin']) {
      expect(after.bars.find((b) => b.item.id === id)).toBe(
        before.bars.find((b) => b.item.id === id)
      );
    }
  });

  it('orders bars top to bottom, then left to right', () => {
    expect(readingOrder(rows.bars).map((b) => b.item.id)).toEqual(['early', 'late', 'fin']);
  });
});

describe('pages of the timeline without JavaScript', () => {
  const lane = (key: string, y: number, rowCount: number) => ({
    key,
    label: key,
    y,
    height: rowCount * ROW_HEIGHT + 12
  });

  it.each([
    { what: 'no lanes: one empty page', lanes: [], pages: [[0, 0, []]] },
    {
      what: 'lanes that fit share a page',
      lanes: [lane('a', 0, 2), lane('b', 84, 2)],
      pages: [[0, 168, ['a', 'b']]]
    },
    {
      what: 'the next lane starts a page when it would not fit',
      lanes: [lane('a', 0, 4), lane('b', 156, 4)],
      pages: [
        [0, 156, ['a']],
        [156, 312, ['b']]
      ]
    },
    {
      // A short lane leaves the page less than half full: the next lane's first rows join it.
      what: 'a short lane shares its page with the first rows of a tall one',
      lanes: [lane('a', 0, 1), lane('b', 48, 12)],
      pages: [
        [0, 198, ['a', 'b']],
        [198, 378, ['b']],
        [378, 492, ['b']]
      ]
    },
    {
      // 200 px holds 5 rows (5 × 36 + 2 × 6 padding); 12 rows are cut after rows 5 and 10.
      what: 'a lane taller than a page is cut where a row begins',
      lanes: [lane('a', 0, 12)],
      pages: [
        [0, 186, ['a']],
        [186, 366, ['a']],
        [366, 444, ['a']]
      ]
    }
  ])('$what', ({ lanes: list, pages }) => {
    expect(timelinePages({ lanes: list }, 200).map((p) => [p.top, p.bottom, p.lanes])).toEqual(
      pages
    );
  });

  it('draws each bar on exactly one page', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      item(`i${i}`, '2029-01-01', '2030-01-01', i % 3 === 0 ? 'f' : 'w')
    );
    const rows = layoutRows(many, [], lanes, 'area');
    const placer = new TimelinePlacer(scale);
    const seen = timelinePages(rows, 300).flatMap((p) =>
      drawnPart(rows, placer, pageView(p)).bars.map((b) => b.item.id)
    );
    expect(seen.sort()).toEqual(many.map((i) => i.id).sort());
  });
});

describe('a bar dragged off screen', () => {
  it('is still drawn, with its arrows', () => {
    const rows = layoutRows(items, dependencies, lanes, 'area');
    const placer = new TimelinePlacer(scale);
    const part = drawnPart(rows, placer, { left: 600, right: 700, top: 0, bottom: 40 });
    expect(part.bars.map((b) => b.item.id)).toEqual(['late']);
    const after = withMoved(part, rows, placer, item('early', '2029-02-01', '2029-07-01'));
    expect(after.bars.map((b) => b.item.id)).toEqual(['late', 'early']);
    expect(after.arrows.map((a) => a.key)).toEqual(['early>fin']);
  });
});

describe('the drag layer', () => {
  it('holds the dragged bar at its new dates and the arrows that follow it; the timeline keeps the rest', () => {
    const rows = layoutRows(items, dependencies, lanes, 'area');
    const placer = new TimelinePlacer(scale);
    const part = drawnPart(rows, placer, null);
    const layer = movedLayer(rows, placer, item('early', '2030-01-01', '2030-06-01'))!;
    expect(layer.bar.item.startDate).toBe('2030-01-01');
    expect(layer.bar.y).toBe(part.bars.find((b) => b.item.id === 'early')!.y);
    expect(layer.arrows.map((a) => a.key)).toEqual(['early>fin']);
    expect(withoutArrowsOf(part, 'early').arrows).toEqual([]);
    expect(withoutArrowsOf(part, 'late').arrows).toEqual(part.arrows);
    expect(movedLayer(rows, placer, item('gone', '2030-01-01', '2030-06-01'))).toBeNull();
  });
});
