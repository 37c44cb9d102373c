import { describe, expect, it } from 'vitest';
import {
  describeChanges,
  describeItem,
  diffAgainstBaseline,
  planSideFromItems,
  type ItemChange,
  type PlanItem,
  type PlanSide
} from '#lib/domain/review/index.ts';

/** An item from start to end (YYYY-MM) going live at `live`, phases in between. */
function item(
  lineageId: string,
  title: string,
  start: string,
  live: string,
  end: string
): PlanItem {
  return {
    lineageId,
    title,
    startDate: `${start}-01`,
    alphaStart: `${start}-01`,
    betaStart: `${start}-01`,
    liveStart: `${live}-01`,
    endDate: `${end}-01`
  };
}

const A = item('a', 'Adult social care', '2029-04', '2030-04', '2030-10');
const B = item('b', 'Waste', '2029-07', '2030-01', '2030-07');
const side = (items: PlanItem[], deps: [string, string][] = []): PlanSide => ({
  items,
  dependencies: deps.map(([predecessor, successor]) => ({ predecessor, successor }))
});

describe('diffAgainstBaseline: what kind of change', () => {
  const cases: { name: string; now: PlanSide; changes: Record<string, ItemChange[]> }[] = [
    { name: 'unchanged', now: side([A, B]), changes: { a: [], b: [] } },
    {
      name: 'moved a quarter later, same length',
      now: side([item('a', 'Adult social care', '2029-07', '2030-07', '2031-01'), B]),
      changes: { a: ['moved'], b: [] }
    },
    {
      name: 'moved earlier',
      now: side([item('a', 'Adult social care', '2029-01', '2030-01', '2030-07'), B]),
      changes: { a: ['moved'], b: [] }
    },
    {
      name: 'stretched: same start, later end',
      now: side([item('a', 'Adult social care', '2029-04', '2030-06', '2031-04'), B]),
      changes: { a: ['stretched'], b: [] }
    },
    {
      name: 'shrunk: same start, earlier end',
      now: side([item('a', 'Adult social care', '2029-04', '2030-02', '2030-06'), B]),
      changes: { a: ['shrunk'], b: [] }
    },
    {
      name: 'moved and stretched',
      now: side([item('a', 'Adult social care', '2029-06', '2030-09', '2031-06'), B]),
      changes: { a: ['moved', 'stretched'], b: [] }
    },
    {
      name: 'rephased: go-live later inside the same start and end',
      now: side([item('a', 'Adult social care', '2029-04', '2030-07', '2030-10'), B]),
      changes: { a: ['rephased'], b: [] }
    },
    {
      name: 'rephased: only the beta phase starts later',
      now: side([{ ...A, betaStart: '2029-10-01' }, B]),
      changes: { a: ['rephased'], b: [] }
    },
    {
      name: 'a move is not also a rephasing',
      now: side([item('a', 'Adult social care', '2029-05', '2030-05', '2030-11'), B]),
      changes: { a: ['moved'], b: [] }
    },
    {
      name: 'renamed',
      now: side([{ ...A, title: 'Adult care' }, B]),
      changes: { a: ['renamed'], b: [] }
    },
    { name: 'dropped', now: side([B]), changes: { a: ['dropped'], b: [] } },
    {
      name: 'added',
      now: side([A, B, item('c', 'Libraries', '2031-01', '2031-07', '2032-01')]),
      changes: { a: [], b: [], c: ['added'] }
    },
    {
      name: 'dependency added',
      now: side([A, B], [['b', 'a']]),
      changes: { a: ['dependencies'], b: [] }
    }
  ];
  it.each(cases)('$name', ({ now, changes }) => {
    const diff = diffAgainstBaseline(side([A, B]), now);
    expect(Object.fromEntries(diff.items.map((i) => [i.lineageId, i.changes]))).toEqual(changes);
  });

  it('reports dependencies added and removed by title', () => {
    const C = item('c', 'Customer services', '2028-04', '2029-01', '2029-04');
    const diff = diffAgainstBaseline(side([A, B, C], [['c', 'a']]), side([A, B, C], [['b', 'a']]));
    const a = diff.items.find((i) => i.lineageId === 'a')!;
    expect(a.dependenciesAdded).toEqual(['Waste']);
    expect(a.dependenciesRemoved).toEqual(['Customer services']);
  });

  it('counts each kind of change', () => {
    const diff = diffAgainstBaseline(
      side([A, B]),
      side([
        item('a', 'Adult care', '2029-07', '2030-07', '2031-01'),
        item('c', 'New', '2030-01', '2030-04', '2030-07')
      ])
    );
    expect(diff.counts).toEqual({
      added: 1,
      dropped: 1,
      moved: 1,
      stretched: 0,
      shrunk: 0,
      rephased: 0,
      renamed: 1,
      dependencies: 0
    });
  });
});

describe('diffAgainstBaseline: slippage in months', () => {
  const cases = [
    { name: 'a quarter later', now: ['2029-07', '2030-07', '2031-01'], slip: [3, 3, 3, 0] },
    { name: 'go-live only', now: ['2029-04', '2030-09', '2030-10'], slip: [0, 5, 0, 0] },
    { name: 'a year earlier', now: ['2028-04', '2029-04', '2029-10'], slip: [-12, -12, -12, 0] },
    { name: 'end later: stretched', now: ['2029-04', '2030-04', '2031-10'], slip: [0, 0, 12, 12] },
    { name: 'across a year end', now: ['2029-12', '2031-02', '2031-08'], slip: [8, 10, 10, 2] }
  ];
  it.each(cases)('$name', ({ now, slip }) => {
    const [s, l, e] = now as [string, string, string];
    const diff = diffAgainstBaseline(side([A]), side([item('a', A.title, s, l, e)]));
    const row = diff.items[0]!;
    expect([row.startSlip, row.goLiveSlip, row.endSlip, row.lengthChange]).toEqual(slip);
  });

  it('gives the last go-live of the plan, approved and now', () => {
    const diff = diffAgainstBaseline(
      side([A, B]),
      side([item('a', A.title, '2029-10', '2030-10', '2031-04'), B])
    );
    expect(diff.lastGoLive).toEqual({ baseline: '2030-04-01', current: '2030-10-01', slip: 6 });
    expect(diff.goLivesLater).toBe(1);
    expect(diff.goLivesEarlier).toBe(0);
    expect(diff.worstSlip).toEqual({ lineageId: 'a', title: A.title, months: 6 });
  });

  it('has no slippage figures for added or dropped items, and none for an empty plan', () => {
    const diff = diffAgainstBaseline(side([A]), side([B]));
    expect(diff.items.map((i) => i.goLiveSlip)).toEqual([null, null]);
    expect(diff.worstSlip).toBeNull();
    const empty = diffAgainstBaseline(side([]), side([]));
    expect(empty.lastGoLive).toEqual({ baseline: null, current: null, slip: null });
  });

  it('an earlier go-live is not the worst slip', () => {
    const diff = diffAgainstBaseline(
      side([A]),
      side([item('a', A.title, '2029-01', '2030-01', '2030-07')])
    );
    expect(diff.worstSlip).toBeNull();
    expect(diff.goLivesEarlier).toBe(1);
  });
});

describe('planSideFromItems', () => {
  it('turns id-keyed dependencies into lineage pairs and drops dangling ones', () => {
    const result = planSideFromItems(
      [
        { ...A, id: '1' },
        { ...B, id: '2' }
      ],
      [
        { predecessorId: '2', successorId: '1' },
        { predecessorId: 'gone', successorId: '1' }
      ]
    );
    expect(result.dependencies).toEqual([{ predecessor: 'b', successor: 'a' }]);
    expect(result.items[0]).not.toHaveProperty('id');
  });
});

describe('describeChanges', () => {
  const approval = { approvedBy: 'the shadow executive', approvedOn: '2028-02-14' };
  it('says nothing changed when nothing did', () => {
    expect(describeChanges(diffAgainstBaseline(side([A]), side([A])), approval)).toEqual([
      'Since the plan was approved by the shadow executive on 14 February 2028, nothing in it has changed.'
    ]);
  });

  it('writes one plain sentence per change, summary first', () => {
    const moved = item('a', A.title, '2029-07', '2030-07', '2031-01');
    const lines = describeChanges(
      diffAgainstBaseline(
        side([A, B]),
        side([moved, item('c', 'Libraries', '2031-01', '2031-07', '2032-01')])
      ),
      approval
    );
    expect(lines).toEqual([
      'Since the plan was approved by the shadow executive on 14 February 2028, 1 item has changed, 1 item has been added and 1 item has been dropped. The last go-live is now July 2031, 1 year and 3 months later than approved. 1 go-live has slipped, the most being Adult social care by 3 months.',
      'Waste has been dropped from the plan (it was to go live in January 2030).',
      'Libraries has been added: it starts in January 2031 and goes live in July 2031.',
      'Adult social care starts 3 months later (July 2029, approved April 2029) and goes live 3 months later (July 2030, approved April 2030).'
    ]);
  });

  const itemCases = [
    {
      name: 'renamed only',
      now: { ...A, title: 'Adult care' },
      text: 'Adult care was called Adult social care.'
    },
    {
      name: 'stretched, same go-live',
      now: item('a', A.title, '2029-04', '2030-04', '2031-04'),
      text: 'Adult social care takes 6 months longer (2 years in all) and still goes live in April 2030.'
    },
    {
      name: 'shrunk and earlier go-live',
      now: item('a', A.title, '2029-04', '2030-01', '2030-07'),
      text: 'Adult social care takes 3 months less (1 year and 3 months in all) and goes live 3 months earlier (January 2030, approved April 2030).'
    }
  ];
  itemCases.push(
    {
      name: 'go-live later inside the same dates',
      now: item('a', A.title, '2029-04', '2030-09', '2030-10'),
      text: 'Adult social care goes live 5 months later (September 2030, approved April 2030).'
    },
    {
      name: 'only the beta phase moved',
      now: { ...A, betaStart: '2029-10-01' },
      text: 'Adult social care keeps its dates, but its alpha or beta phase now starts at another time.'
    }
  );
  it.each(itemCases)('$name', ({ now, text }) => {
    const diff = diffAgainstBaseline(side([A]), side([now]));
    expect(describeItem(diff.items[0]!)).toBe(text);
  });

  it('names dependency changes', () => {
    const diff = diffAgainstBaseline(side([A, B]), side([A, B], [['b', 'a']]));
    expect(describeItem(diff.items.find((i) => i.lineageId === 'a')!)).toBe(
      'Adult social care now waits for Waste.'
    );
  });
});
