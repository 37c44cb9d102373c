import { describe, expect, it } from 'vitest';
import { BarMover } from '#lib/charts/timeline-drag.svelte.ts';
import { MoveView } from '#lib/charts/timeline-move.svelte.ts';
import { timeScale } from '#lib/charts/timeline-scale.ts';
import type { Schedule } from '#lib/domain/roadmap/index.ts';
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

/** A save the test finishes when it chooses: `saved` lists what was asked, `finish` ends it. */
function server() {
  const saved: Schedule[] = [];
  const lanes: string[] = [];
  let finish = () => {};
  const answer = () => new Promise<void>((resolve) => (finish = resolve));
  return {
    saved,
    lanes,
    finish: () => finish(),
    onmove: async (_item: unknown, schedule: Schedule) => {
      saved.push(schedule);
      await answer();
    },
    onrelane: async (_item: unknown, lane: string) => {
      lanes.push(lane);
      await answer();
    }
  };
}

function moverFor(api: ReturnType<typeof server>, relane: boolean) {
  return new BarMover<typeof item>({
    editable: () => true,
    scale: () => scale,
    onmove: () => api.onmove,
    onrelane: () => (relane ? api.onrelane : undefined),
    laneAt: (_item, dy) => (dy > 30 ? 'f' : null),
    laneStep: () => null
  });
}

describe('dragging a bar', () => {
  it('holds the bar once and writes only where it goes as the pointer crosses months', () => {
    const mover = moverFor(server(), false);
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
    const api = server();
    const mover = moverFor(api, false);
    mover.start(pointer(100), item, null);
    mover.move(pointer(160));
    mover.end(pointer(101));
    expect(mover.held).toBeNull();
    expect(mover.where).toBeNull();
    expect(api.saved).toEqual([]);
  });

  it('saves a drag two quarters later, drawing it at its new dates until it is saved', async () => {
    const api = server();
    const mover = moverFor(api, false);
    const view = new MoveView(mover, () => [item, other]);
    mover.start(pointer(100), item, null);
    mover.move(pointer(160));
    mover.end(pointer(160));
    expect(api.saved.map((m) => m.startDate)).toEqual(['2030-07-01']);
    // Waiting for the server: no longer lifted, drawn in the timeline at its new dates.
    expect(mover.held).toEqual({ id: 'a', lane: null, lifted: false });
    expect(view.settling?.startDate).toBe('2030-07-01');
    expect(mover.busy).toBe(true);
    // A second move while the first is saved is refused.
    mover.start(pointer(100), item, null);
    expect(mover.held?.lifted).toBe(false);
    api.finish();
    await expect.poll(() => mover.busy).toBe(false);
    expect(mover.held).toBeNull();
    expect(mover.where).toBeNull();
    expect(view.settling).toBeNull();
  });

  it('holds a bar dragged towards another lane anew only when the lane changes', () => {
    const mover = moverFor(server(), true);
    const view = new MoveView(mover, () => [item, other]);
    mover.start(pointer(100, 100), item, null);
    mover.move(pointer(100, 140));
    const held = mover.held;
    expect(held).toEqual({ id: 'a', lane: 'f', lifted: true });
    expect(view.dy).toBe(40);
    // Each pixel down writes where it is drawn, not which bar is held.
    mover.move(pointer(100, 150));
    expect(mover.held).toBe(held);
    expect(view.dy).toBe(50);
    // Its dates stay as they were: a move to another lane changes only the lane.
    expect(mover.where?.schedule.startDate).toBe(item.startDate);
    mover.move(pointer(100, 110));
    expect(mover.held).toEqual({ id: 'a', lane: null, lifted: true });
    expect(view.lane).toBeNull();
  });

  it('drops a bar into another lane with its dates, drawn shifted until it is saved', async () => {
    const api = server();
    const mover = moverFor(api, true);
    const view = new MoveView(mover, () => [item, other]);
    mover.start(pointer(100, 100), item, null);
    mover.move(pointer(130, 140));
    mover.end(pointer(130, 140));
    expect(api.lanes).toEqual(['f']);
    expect(api.saved).toEqual([]);
    expect(mover.held).toEqual({ id: 'a', lane: 'f', lifted: false });
    expect(view.dy).toBe(40);
    expect(view.settling?.startDate).toBe(item.startDate);
    api.finish();
    await expect.poll(() => mover.held).toBeNull();
    expect(view.dy).toBe(0);
  });

  it('moves a focused bar by a month with an arrow key, and a quarter with Shift', () => {
    const api = server();
    const mover = moverFor(api, false);
    const key = (k: string, shiftKey = false) =>
      ({ key: k, shiftKey, altKey: false, preventDefault() {} }) as KeyboardEvent;
    expect(mover.key(key('ArrowRight', true), item)).toBe(true);
    expect(api.saved.map((m) => m.startDate)).toEqual(['2030-04-01']);
    expect(mover.held).toEqual({ id: 'a', lane: null, lifted: false });
    expect(mover.key(key('Tab'), item)).toBe(false);
  });

  it('keeps the click that ends a drag from opening the item, and only that click', () => {
    const mover = moverFor(server(), false);
    const click = () => {
      let prevented = false;
      const event = {
        preventDefault: () => {
          prevented = true;
        }
      };
      mover.click(event as unknown as MouseEvent);
      return prevented;
    };
    mover.start(pointer(100), item, null);
    mover.move(pointer(160));
    mover.end(pointer(101));
    expect(click()).toBe(true);
    expect(click()).toBe(false);
  });
});
