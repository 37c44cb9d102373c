import { linkHorizontal } from 'd3';

/**
 * Who becomes whom, laid out for an SVG: predecessors in a column on the left, successors on
 * the right, a curve for each link. D3 computes the curves; the Svelte component draws them.
 */
export interface LayoutCouncil {
  id: string;
  name: string;
}

export interface SuccessionLayout {
  width: number;
  height: number;
  nodes: { id: string; name: string; x: number; y: number; side: 'left' | 'right' }[];
  links: { key: string; from: string; to: string; path: string }[];
}

export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 36;
const ROW_GAP = 14;
const COLUMN_GAP = 160;

export function layoutSuccession(
  predecessors: LayoutCouncil[],
  successors: LayoutCouncil[],
  links: { predecessorId: string; successorId: string }[]
): SuccessionLayout {
  const rows = Math.max(predecessors.length, successors.length, 1);
  const height = rows * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
  const columnY = (count: number, index: number) => {
    // Centre the shorter column against the taller one.
    const columnHeight = count * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
    return (height - columnHeight) / 2 + index * (NODE_HEIGHT + ROW_GAP);
  };
  const rightX = NODE_WIDTH + COLUMN_GAP;
  const nodes = [
    ...predecessors.map((c, i) => ({
      ...c,
      x: 0,
      y: columnY(predecessors.length, i),
      side: 'left' as const
    })),
    ...successors.map((c, i) => ({
      ...c,
      x: rightX,
      y: columnY(successors.length, i),
      side: 'right' as const
    }))
  ];
  const at = new Map(nodes.map((n) => [`${n.side}:${n.id}`, n]));
  const curve = linkHorizontal<
    { source: [number, number]; target: [number, number] },
    [number, number]
  >();
  const drawn = links.flatMap((link) => {
    const from = at.get(`left:${link.predecessorId}`);
    const to = at.get(`right:${link.successorId}`);
    if (!from || !to) return [];
    const path = curve({
      source: [from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2],
      target: [to.x, to.y + NODE_HEIGHT / 2]
    });
    return path
      ? [{ key: `${link.predecessorId}>${link.successorId}`, from: from.id, to: to.id, path }]
      : [];
  });
  return { width: rightX + NODE_WIDTH, height, nodes, links: drawn };
}
