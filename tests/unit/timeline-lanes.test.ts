import { describe, expect, it } from 'vitest';
import { timelineItem as item } from './support/timeline-item';
import {
  BAR_HEIGHT,
  laneDraggedTo,
  laneStepped,
  layoutRows,
  ROW_HEIGHT
} from '#lib/charts/timeline-layout.ts';

const lanes = [
  { key: 'w', label: 'Waste' },
  { key: 'f', label: 'Finance' },
  { key: 'h', label: 'Housing' }
];
const items = [
  item('a', '2029-01-01', '2030-01-01', 'w'),
  item('b', '2029-01-01', '2030-01-01', 'f'),
  item('c', '2029-01-01', '2030-01-01', 'h')
];
const rows = layoutRows(items, [], lanes, 'area');

describe('the lane a bar is dragged into', () => {
  // Each lane holds one row here: a lane is a row and its padding tall.
  const lane = rows.lanes[0]!.height;

  it.each([
    { what: 'not moved', id: 'a', dy: 0, lane: null },
    { what: 'moved within its own lane', id: 'b', dy: ROW_HEIGHT / 4, lane: null },
    { what: 'a lane down', id: 'a', dy: lane, lane: 'f' },
    { what: 'two lanes down', id: 'a', dy: lane * 2, lane: 'h' },
    { what: 'a lane up', id: 'c', dy: -lane, lane: 'f' },
    { what: 'above the first lane', id: 'a', dy: -lane, lane: null },
    { what: 'below the last lane', id: 'c', dy: lane, lane: null },
    { what: 'not on the timeline', id: 'nobody', dy: lane, lane: null }
  ])('$what: $lane', ({ id, dy, lane: expected }) => {
    expect(laneDraggedTo(rows, id, dy)).toBe(expected);
  });

  it('goes by the middle of the bar', () => {
    const bar = rows.barOf.get('a')!;
    const edge = rows.lanes[1]!.y - (bar.y + BAR_HEIGHT / 2);
    expect(laneDraggedTo(rows, 'a', edge - 1)).toBeNull();
    expect(laneDraggedTo(rows, 'a', edge)).toBe('f');
  });
});

describe('the next lane by keyboard', () => {
  it.each([
    { id: 'a', step: 1, lane: 'f' },
    { id: 'b', step: 1, lane: 'h' },
    { id: 'b', step: -1, lane: 'w' },
    { id: 'a', step: -1, lane: null },
    { id: 'c', step: 1, lane: null }
  ] as const)('from $id, $step: $lane', ({ id, step, lane }) => {
    const moving = items.find((i) => i.id === id)!;
    expect(laneStepped(lanes, moving, 'area', step)).toBe(lane);
  });

  it('is none for an item in no lane of this grouping', () => {
    expect(laneStepped(lanes, item('x', '2029-01-01', '2030-01-01', 'gone'), 'area', 1)).toBeNull();
  });
});
