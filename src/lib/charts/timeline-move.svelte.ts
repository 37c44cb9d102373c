import { quarterShifts, type LoadItem, type QuarterLoad } from '#lib/domain/roadmap/index.ts';
import type { BarMover, MovableItem } from './timeline-drag.svelte';

/**
 * What a move in progress means for drawing: the bar being moved as it was and at its new
 * dates, whether the pointer is still dragging it (then it is drawn on a layer of its own), the
 * lane it is being dragged into, and the capacity strip with the move counted. Each is derived
 * from the mover's `held` and `where`; a pointer move that snaps to the same month changes
 * neither, and one that crosses a month changes only `where`.
 */
export class MoveView<T extends MovableItem & LoadItem> {
  readonly id: string | null;
  /** How far up or down it is being dragged, towards another lane. */
  readonly dy: number;
  /** The lane it is being dragged into. */
  readonly lane: string | null;
  /** Still under the pointer: drawn on the drag layer, the bar itself unseen. */
  readonly lifted: boolean;
  readonly liftedId: string | null;
  /** The item as it was: looked up once a move, not on every pointer move. */
  readonly item: T | null;
  /** The item at its new dates. */
  readonly moved: T | null;
  /** Moved by keyboard or waiting to be saved; null throughout a drag, so a drag's moves leave it. */
  readonly settling: T | null;

  constructor(mover: BarMover<T>, items: () => T[]) {
    this.id = $derived(mover.held?.id ?? null);
    this.dy = $derived(mover.where?.dy ?? 0);
    this.lane = $derived(mover.held?.lane ?? null);
    this.lifted = $derived(mover.held?.lifted ?? false);
    this.liftedId = $derived(this.lifted ? this.id : null);
    this.item = $derived(this.id ? (items().find((i) => i.id === this.id) ?? null) : null);
    this.moved = $derived.by(() => {
      const where = mover.where;
      return where && this.item ? { ...this.item, ...where.schedule } : null;
    });
    this.settling = $derived(this.lifted ? null : this.moved);
  }

  /**
   * The capacity strip's quarters with the move counted. Only the quarters it changes get new
   * objects; the rest are the very same ones, so the strip redraws only what changed.
   */
  counted<Q extends { count: number }>(quarters: Q[], loads: QuarterLoad[]): Q[] {
    const { item, moved } = this;
    if (!item || !moved) return quarters;
    const shifts = quarterShifts(loads, item, moved);
    if (shifts.size === 0) return quarters;
    return quarters.map((q, i) => {
      const by = shifts.get(i);
      return by ? { ...q, count: q.count + by } : q;
    });
  }
}
