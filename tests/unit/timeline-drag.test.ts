import { describe, expect, it } from 'vitest';
import { BarMover } from '$lib/charts/timeline-drag.svelte';
import { MoveView } from '$lib/charts/timeline-move.svelte';
import { timeScale } from '$lib/charts/timeline-scale';
import type { Schedule } from '$lib/domain/roadmap';
import { timelineItem } from './support/timeline-item';

// 10 px a month: a drag of 30 px is three months.
const scale = timeScale('2029-01-01', '2035-01-01', 10);
const item = { ...timelineItem('a', '2030-01-01', '2030-12-01'), version: 1 };
const other = { ...timelineItem('b', '2031-01-01', '2031-06-01'), version: 1 };

/** What a pointer event needs to carry for the mover. */
function pointer(clientX: number, clientY = 100) {
  return {
    button: 0,
    pointerId: 1,
    clientX,
    clientY,
    preventDefault() {},
    stopPropagation() {},
    currentTarget: { setPointerCapture() {} }
  } as unknown as PointerEvent;
}

function moverFor(moves: Schedule[], relane: boolean) {
  return new BarMover<typeof item>({
    editable: () => true,
    scale: () => scale,
    onmove: () => async (_item, schedule) => void moves.push(schedule),
    onrelane: () => (relane ? async () => {} : undefined),
    laneAt: (_item, dy) => (dy > 30 ? 'f' : null),
    laneStep: () => null
  });
}

describe('dragging a bar', () => {
  it('holds the bar once and writes only where it goes as the pointer crosses months', () => {
    const mover = moverFor([], false);
    const view = new MoveView(mover, () => [item, other]);
    mover.start(pointer(100), item, null);
    expect(mover.held).toBeNull();

    mover.move(pointer(130));
    const held = mover.held;
    expect(held).toEqual({ id: 'a', lane: null, lifted: true });
    expect(mover.where?.schedule.startDate).toBe('2030-04-01');
    expect(view.moved?.endDate).toBe('2031-03-01');
    expect(view.liftedId).toBe('a');
    expect(view.settling).toBeNull();

    // Within the same month: nothing is written, so nothing is drawn again.
    const where = mover.where;
    mover.move(pointer(132));
    expect(mover.where).toBe(where);
    expect(mover.held).toBe(held);

    // Another month: a new `where`, the very same `held` (what every bar reads).
    mover.move(pointer(160));
    expect(mover.where).not.toBe(where);
    expect(mover.where?.schedule.startDate).toBe('2030-07-01');
    expect(mover.held).toBe(held);
  });

  it('lets go where it started with nothing saved and nothing held', () => {
    const moves: Schedule[] = [];
    const mover = moverFor(moves, false);
    mover.start(pointer(100), item, null);
    mover.move(pointer(160));
    mover.end(pointer(101));
    expect(mover.held).toBeNull();
    expect(mover.where).toBeNull();
    expect(moves).toEqual([]);
  });

  it('saves a drag two quarters later, drawing it at its new dates until saved', async () => {
    const moves: Schedule[] = [];
    const mover = moverFor(moves, false);
    const view = new MoveView(mover, () => [item, other]);
    mover.start(pointer(100), item, null);
    mover.move(pointer(160));
    const saved = mover.end(pointer(160));
    expect(saved).toBeUndefined();
    // Waiting for the server: no longer lifted, drawn in the timeline at its new dates.
    expect(mover.held).toEqual({ id: 'a', lane: null, lifted: false });
    expect(view.settling?.startDate).toBe('2030-07-01');
    expect(mover.busy).toBe(true);
    // Once every pending promise has settled: saved, and drawn from the items again.
    await new Promise((resolve) => setImmediate(resolve));
    expect(moves.map((m) => m.startDate)).toEqual(['2030-07-01']);
    expect(mover.held).toBeNull();
    expect(mover.busy).toBe(false);
  });

  it('holds a bar dragged towards another lane anew only when the lane changes', () => {
    const mover = moverFor([], true);
    const view = new MoveView(mover, () => [item, other]);
    mover.start(pointer(100, 100), item, null);
    mover.move(pointer(100, 140));
    const held = mover.held;
    expect(held).toEqual({ id: 'a', lane: 'f', lifted: true });
    expect(view.dy).toBe(40);
    // Each pixel down moves the drawing, not which bar is held or where to.
    mover.move(pointer(100, 150));
    expect(mover.held).toBe(held);
    expect(view.dy).toBe(50);
    // Its dates stay as they were: a move to another lane changes only the lane.
    expect(mover.where?.schedule.startDate).toBe(item.startDate);
    mover.move(pointer(100, 110));
    expect(mover.held).toEqual({ id: 'a', lane: null, lifted: true });
    expect(view.lane).toBeNull();
  });
});
