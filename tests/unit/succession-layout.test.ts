import { describe, expect, it } from 'vitest';
import { layoutSuccession, NODE_WIDTH } from '#lib/charts/succession-layout.ts';

describe('layoutSuccession', () => {
  const preds = [
    { id: 'c', name: 'County' },
    { id: 'd1', name: 'District 1' },
    { id: 'd2', name: 'District 2' }
  ];
  const succ = [
    { id: 'n', name: 'North' },
    { id: 's', name: 'South' }
  ];

  it('puts predecessors left and successors right, centring the shorter column', () => {
    const layout = layoutSuccession(preds, succ, []);
    const left = layout.nodes.filter((n) => n.side === 'left');
    const right = layout.nodes.filter((n) => n.side === 'right');
    expect(left.every((n) => n.x === 0)).toBe(true);
    expect(right.every((n) => n.x > NODE_WIDTH)).toBe(true);
    const mid = (ns: typeof left) => (ns[0]!.y + ns.at(-1)!.y) / 2;
    expect(mid(right)).toBeCloseTo(mid(left));
  });

  it('draws one curve per link, from the right edge of a predecessor to a successor', () => {
    const layout = layoutSuccession(preds, succ, [
      { predecessorId: 'c', successorId: 'n' },
      { predecessorId: 'c', successorId: 's' },
      { predecessorId: 'd1', successorId: 'n' }
    ]);
    expect(layout.links).toHaveLength(3);
    expect(layout.links[0]!.path).toMatch(new RegExp(`^M${NODE_WIDTH},`));
  });

  it('skips links to councils it was not given, and copes with nothing at all', () => {
    expect(layoutSuccession(preds, succ, [{ predecessorId: 'x', successorId: 'n' }]).links).toEqual(
      []
    );
    const empty = layoutSuccession([], [], []);
    expect(empty.nodes).toEqual([]);
    expect(empty.height).toBeGreaterThan(0);
  });
});
