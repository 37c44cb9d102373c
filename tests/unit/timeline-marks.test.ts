import { describe, expect, it } from 'vitest';
import {
  barStatus,
  contractMarkersPath,
  contractMarkersTitle,
  describeBar,
  timelineMarkers
} from '#lib/charts/timeline-marks.ts';
import { warningNote, type RoadmapWarning } from '#lib/domain/roadmap/index.ts';

const warning = (status: 'warn' | 'fail'): RoadmapWarning => ({
  id: `w-${status}`,
  rule: 'capacity',
  status,
  summary: 'Too many at once',
  itemIds: ['a'],
  howToFix: 'Move one'
});

describe('timelineMarkers', () => {
  const base = {
    today: '2026-11-27',
    vestingDate: '2028-04-01',
    horizonEnd: '2038-04-01',
    milestones: [
      { id: 'm1', name: 'Shadow elections', date: '2027-05-06' },
      { id: 'm2', name: 'Far away', date: '2040-01-01' }
    ]
  };
  it.each([
    ['the whole decade', '2026-01-01', '2039-01-01', ['vesting', 'today', 'horizon', 'm1']],
    ['from vesting day on (edges count)', '2028-04-01', '2038-04-01', ['vesting', 'horizon']],
    ['a window before today', '2020-01-01', '2021-01-01', []],
    ['only the far milestone', '2039-06-01', '2041-01-01', ['m2']]
  ])('%s', (_what, from, to, keys) => {
    expect(timelineMarkers({ ...base, from, to }).map((m) => m.key)).toEqual(keys);
  });

  it('labels each line and says what kind it is', () => {
    const [vesting, , , milestone] = timelineMarkers({
      ...base,
      from: '2026-01-01',
      to: '2039-01-01'
    });
    expect(vesting).toEqual({
      key: 'vesting',
      iso: '2028-04-01',
      label: 'Vesting day',
      kind: 'vesting'
    });
    expect(milestone).toMatchObject({ label: 'Shadow elections', kind: 'milestone' });
  });
});

describe('barStatus', () => {
  it.each([
    ['no warnings recorded', undefined, null],
    ['an empty list', [], null],
    ['only warnings', [warning('warn')], 'warn'],
    ['a failure among warnings', [warning('warn'), warning('fail')], 'fail']
  ])('%s → %s', (_what, list, status) => {
    expect(barStatus(warningNote(list as RoadmapWarning[] | undefined))).toBe(status);
  });
});

describe('describeBar', () => {
  const item = {
    title: 'Waste redesign',
    startDate: '2029-04-01',
    liveStart: '2030-10-01',
    endDate: '2031-04-01'
  };
  it('reads the dates and the warnings count, and names the keys that work', () => {
    const text = describeBar(item, warningNote([warning('warn'), warning('fail')]), {
      editable: true,
      relane: true
    });
    expect(text).toMatch(/^Waste redesign, from 1 April 2029, goes live 1 October 2030/);
    expect(text).toContain('2 warnings');
    expect(text).toContain('Alt with up or down');
    expect(text).toContain('left and right arrow keys');
  });
  it('offers only the keys that move focus on a read-only timeline', () => {
    const text = describeBar(item, undefined, { editable: false, relane: true });
    expect(text).not.toContain('warning');
    expect(text).not.toContain('left and right');
    expect(text).not.toContain('Alt');
    expect(text).toContain('up and down arrow keys go to the next bar');
  });
  it('says one warning in the singular', () => {
    expect(
      describeBar(item, warningNote([warning('warn')]), { editable: false, relane: false })
    ).toContain('1 warning,');
  });
});

describe('contract markers', () => {
  const markers = [
    { reference: 'WST-01', date: '2031-03-31', x: 100 },
    { reference: 'ICT-7', date: '2032-09-30', x: 240.5 }
  ];

  it('draws every contract end as a diamond above the bar, in one path', () => {
    expect(contractMarkersPath(markers, 50)).toBe(
      'M100,46l5,6l-5,6l-5,-6zM240.5,46l5,6l-5,6l-5,-6z'
    );
    expect(contractMarkersPath([], 50)).toBe('');
  });

  it('names each contract and the day it ends', () => {
    expect(contractMarkersTitle(markers.slice(0, 1))).toBe('Contract WST-01 ends 31 March 2031');
    expect(contractMarkersTitle(markers)).toBe(
      'Contracts: WST-01 ends 31 March 2031; ICT-7 ends 30 September 2032'
    );
  });
});
