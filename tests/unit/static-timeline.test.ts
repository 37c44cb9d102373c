import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StaticTimeline from '#lib/charts/StaticTimeline.svelte';
import type { TimelineItem } from '#lib/charts/timeline-layout.ts';
import { warningNotes, type RoadmapWarning } from '#lib/domain/roadmap/index.ts';

const item = (id: string, title: string, start: number, areaId: string): TimelineItem => ({
  id,
  title,
  kind: 'redesign',
  status: 'planned',
  serviceAreaId: areaId,
  councilId: null,
  startDate: `${start}-04-01`,
  alphaStart: `${start}-10-01`,
  betaStart: `${start + 1}-04-01`,
  liveStart: `${start + 2}-01-01`,
  endDate: `${start + 2}-07-01`,
  contractEnds: id === 'b' ? [{ reference: 'WST-01', date: `${start + 3}-03-31` }] : []
});

function draw(warnings: Record<string, RoadmapWarning[]> = {}) {
  const { body } = render(StaticTimeline, {
    props: {
      title: 'Thornshire: roadmap',
      subtitle: 'Scenario Current plan',
      items: [item('a', 'Adult social care redesign', 2029, 'asc'), item('b', 'Waste', 2030, 'w')],
      dependencies: [{ predecessorId: 'a', successorId: 'b' }],
      lanes: [
        { key: 'asc', label: 'Adult social care' },
        { key: 'w', label: 'Waste' }
      ],
      grouping: 'area',
      from: '2026-01-01',
      to: '2039-01-01',
      pxPerMonth: 14,
      today: '2026-11-27',
      vestingDate: '2028-04-01',
      horizonEnd: '2038-04-01',
      milestones: [{ id: 'm1', name: 'Elections', date: '2027-05-06' }],
      capacity: 1,
      warnings: warningNotes(Object.entries(warnings)),
      standalone: true
    }
  });
  return body.replace(/<!--[^]*?-->/g, '');
}

describe('StaticTimeline', () => {
  it('draws a standalone SVG with title, lanes, phases, arrows, lines, contract ends and the key', () => {
    const svg = draw();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // 13 years at 14px a month, plus the 220px label column and 48px on the right.
    expect(svg).toMatch(/viewBox="0 0 2452 \d+"/);
    expect(svg).toContain(
      '<title id="vd-static-title">Thornshire: roadmap: Scenario Current plan</title>'
    );
    for (const text of [
      'Adult social care',
      'Waste',
      'Vesting day',
      'Elections',
      'Horizon',
      'Today'
    ]) {
      expect(svg).toContain(`>${text}<`);
    }
    // Four phases per bar, each its own colour; one dependency arrow; one contract end.
    expect(svg.match(/fill="#00703c"/g)).toHaveLength(3);
    expect(svg.match(/marker-end="url\(#vd-static-arrow\)"/g)).toHaveLength(1);
    expect(svg).toContain('Contract WST-01 ends 31 March 2033');
    expect(svg).toContain('Capacity 1');
    expect(svg).not.toContain('class="vd-bar');
  });

  it('outlines a bar with a problem in red and marks it', () => {
    const warning: RoadmapWarning = {
      id: 'w1',
      rule: 'cycle',
      status: 'fail',
      summary: 'cycle',
      itemIds: ['a'],
      howToFix: ''
    };
    const plain = draw();
    const marked = draw({ a: [warning] });
    expect(plain).not.toContain('stroke="#d4351c" stroke-width="3"');
    expect(marked).toContain('stroke="#d4351c" stroke-width="3"');
  });
});
