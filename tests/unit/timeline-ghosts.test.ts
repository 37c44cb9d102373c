import { describe, expect, it } from 'vitest';
import { layoutGhosts, type TimelineGhost } from '#lib/charts/timeline-ghosts.ts';
import { BAR_HEIGHT } from '#lib/charts/timeline-layout.ts';

/** A month is 10 pixels from January 2029. */
const x = (iso: string) =>
  ((Number(iso.slice(0, 4)) - 2029) * 12 + Number(iso.slice(5, 7)) - 1) * 10;
const schedule = {
  startDate: '2029-04-01',
  alphaStart: '2029-05-01',
  betaStart: '2029-06-01',
  liveStart: '2029-10-01',
  endDate: '2030-01-01'
};
const bars = [{ item: { id: 'i1' }, x: 60, y: 100, width: 90 }];
const lanes = [{ key: 'area-1', y: 40 }];
const ghost = (g: Partial<TimelineGhost>): TimelineGhost => ({
  key: 'k',
  kind: 'moved',
  title: 'T',
  itemId: null,
  schedule: null,
  laneKey: null,
  ...g
});

describe('layoutGhosts', () => {
  const cases: { name: string; ghost: TimelineGhost; expected: object[] }[] = [
    {
      name: 'a moved item: its approved dates in its own row, go-live marked',
      ghost: ghost({ itemId: 'i1', schedule }),
      expected: [{ x: 30, width: 90, y: 100, height: BAR_HEIGHT, liveX: 90 }]
    },
    {
      name: 'an added item: a halo round its bar',
      ghost: ghost({ kind: 'added', itemId: 'i1' }),
      expected: [{ x: 57, y: 97, width: 96, height: BAR_HEIGHT + 6, liveX: null }]
    },
    {
      name: 'a dropped item: at the top of its old lane',
      ghost: ghost({ kind: 'dropped', schedule, laneKey: 'area-1' }),
      expected: [{ x: 30, y: 42, width: 90 }]
    },
    {
      name: 'a dropped item whose lane is not shown: not drawn',
      ghost: ghost({ kind: 'dropped', schedule, laneKey: 'gone' }),
      expected: []
    },
    {
      name: 'a moved item not on the timeline: not drawn',
      ghost: ghost({ itemId: 'elsewhere', schedule }),
      expected: []
    }
  ];
  it.each(cases)('$name', ({ ghost: g, expected }) => {
    const shapes = layoutGhosts([g], bars, lanes, x);
    expect(shapes).toHaveLength(expected.length);
    shapes.forEach((s, i) => expect(s).toMatchObject(expected[i]!));
  });
});
