import { describe, expect, it } from 'vitest';
import { drawingByArea, type DrawableView } from '#lib/charts/timeline-props.ts';
import type { TimelineItem } from '#lib/charts/timeline-layout.ts';

const item = {
  id: 'a',
  title: 'Waste redesign',
  kind: 'redesign',
  status: 'planned',
  serviceAreaId: 'waste',
  councilId: null,
  startDate: '2029-04-01',
  alphaStart: '2029-07-01',
  betaStart: '2029-10-01',
  liveStart: '2030-04-01',
  endDate: '2030-10-01',
  contractEnds: []
} satisfies TimelineItem;

const view: DrawableView<TimelineItem> = {
  items: [item],
  dependencies: [],
  lanes: [{ key: 'waste', label: 'Waste' }],
  window: { from: '2028-01-01', to: '2038-01-01' },
  settings: { vestingDate: '2028-04-01', capacity: 3 },
  horizonEnd: '2038-04-01',
  milestones: [{ id: 'm', name: 'Budget set', date: '2029-02-01' }]
};

describe('drawingByArea', () => {
  it('draws the view by service area over its window, with its dates and capacity', () => {
    const warnings = { a: { status: 'warn' as const, count: 1, summaries: ['Late'] } };
    expect(drawingByArea(view, { pxPerMonth: 7, today: '2027-11-27', warnings })).toEqual({
      items: [item],
      dependencies: [],
      lanes: [{ key: 'waste', label: 'Waste' }],
      grouping: 'area',
      from: '2028-01-01',
      to: '2038-01-01',
      pxPerMonth: 7,
      today: '2027-11-27',
      vestingDate: '2028-04-01',
      horizonEnd: '2038-04-01',
      milestones: [{ id: 'm', name: 'Budget set', date: '2029-02-01' }],
      capacity: 3,
      warnings
    });
  });
});
