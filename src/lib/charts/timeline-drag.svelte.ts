import {
  moveBoundary,
  SCHEDULE_FIELDS,
  shiftSchedule,
  type Schedule,
  type ScheduleField
} from '#lib/domain/roadmap/index.ts';
import { monthsForKey } from './timeline-keys';
import { monthsMoved, type TimeScale } from './timeline-scale';

/** What a bar needs for moving: its dates, and what the page needs to save it. */
export interface MovableItem extends Schedule {
  id: string;
  version: number;
}

interface Drag<T> {
  item: T;
  field: ScheduleField | null;
  startX: number;
  startY: number;
  moved: boolean;
}

interface Options<T extends MovableItem> {
  editable: () => boolean;
  scale: () => TimeScale;
  onmove: () => ((item: T, schedule: Schedule) => Promise<void>) | undefined;
  /** Saves a move to another lane; undefined when lanes cannot be changed by dragging. */
  onrelane: () => ((item: T, lane: string) => Promise<void>) | undefined;
  /** The lane a bar dragged `dy` pixels down lands in, or null if it stays in its own. */
  laneAt: (item: T, dy: number) => string | null;
  /** The lane `step` lanes down (or up) from a bar's, or null if there is none. */
  laneStep: (item: T, step: 1 | -1) => string | null;
}

/**
 * Which bar is being moved, and how: changes once a move (when the drag lifts the bar, or it
 * crosses into another lane), so what every bar draws can depend on it cheaply.
 */
export interface Held {
  id: string;
  /** The lane it is being moved into. */
  lane: string | null;
  /** Still under the pointer: drawn on a layer of its own. */
  lifted: boolean;
}

/** Where it is being moved to: changes as the pointer crosses months (or, between lanes, pixels). */
export interface Where {
  schedule: Schedule;
  /** How far up or down it is being dragged, towards another lane. */
  dy: number;
}

function sameHeld(a: Held | null, b: Held): boolean {
  return a !== null && a.id === b.id && a.lane === b.lane && a.lifted === b.lifted;
}

function sameWhere(a: Where | null, b: Where): boolean {
  return (
    a !== null && a.dy === b.dy && SCHEDULE_FIELDS.every((f) => a.schedule[f] === b.schedule[f])
  );
}

/** Dragged further than this up or down, a bar leaves its lane. */
const LANE_THRESHOLD = 18;

/**
 * Moving bars by pointer and keyboard: a drag of the bar or of a phase edge snaps to months
 * and is drawn where it is (the preview) until the page's form action has saved it; arrow keys
 * move a focused bar by a month, or a quarter with Shift. One move at a time.
 */
export class BarMover<T extends MovableItem> {
  // A drag in progress or a move waiting for the server is drawn before it is saved. It is
  // kept as two signals: a pointer move writes only `where`, so the hundreds of bars that read
  // `held` (is it me?) are not even checked again on each move, only the moved bar's drawing.
  held = $state.raw<Held | null>(null);
  where = $state.raw<Where | null>(null);
  busy = $state(false);
  #drag: Drag<T> | null = null;
  #suppressClick = false;

  constructor(private readonly options: Options<T>) {}

  /** The items as drawn: the one being moved where it is being moved to. */
  apply(items: T[]): T[] {
    const { held, where } = this;
    return held && where
      ? items.map((i) => (i.id === held.id ? { ...i, ...where.schedule } : i))
      : items;
  }

  #show(held: Held, where: Where) {
    if (!sameHeld(this.held, held)) this.held = held;
    if (!sameWhere(this.where, where)) this.where = where;
  }

  #clear() {
    this.held = null;
    this.where = null;
  }

  async submit(item: T, schedule: Schedule) {
    const onmove = this.options.onmove();
    if (!onmove || this.busy) return;
    this.#show({ id: item.id, lane: null, lifted: false }, { schedule, dy: 0 });
    this.busy = true;
    try {
      await onmove(item, schedule);
    } finally {
      this.#clear();
      this.busy = false;
    }
  }

  /** Saves a bar's move to another lane; drawn there (shifted `dy`) until it is saved. */
  async submitLane(item: T, lane: string, dy = 0) {
    const onrelane = this.options.onrelane();
    if (!onrelane || this.busy) return;
    this.#show({ id: item.id, lane, lifted: false }, { schedule: item, dy });
    this.busy = true;
    try {
      await onrelane(item, lane);
    } finally {
      this.#clear();
      this.busy = false;
    }
  }

  /**
   * Left and right arrows move the bar; Alt with up and down moves it to the lane above or
   * below. True when the key was used.
   */
  key(event: KeyboardEvent, item: T): boolean {
    if (!this.options.editable()) return false;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      if (!this.options.onrelane()) return false;
      event.preventDefault();
      const lane = this.options.laneStep(item, event.key === 'ArrowDown' ? 1 : -1);
      if (lane) void this.submitLane(item, lane);
      return true;
    }
    const months = monthsForKey(event.key, event.shiftKey);
    if (months === 0 || event.altKey) return false;
    event.preventDefault();
    void this.submit(item, shiftSchedule(item, months));
    return true;
  }

  start(event: PointerEvent, item: T, field: ScheduleField | null) {
    if (!this.options.editable() || this.busy || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.#drag = { item, field, startX: event.clientX, startY: event.clientY, moved: false };
  }

  #scheduleFor(d: Drag<T>, dx: number): Schedule {
    const months = monthsMoved(
      this.options.scale(),
      d.field ? d.item[d.field] : d.item.startDate,
      dx
    );
    return d.field ? moveBoundary(d.item, d.field, months) : shiftSchedule(d.item, months);
  }

  /** The lane a whole-bar drag has reached, if it can change lanes and has left its own. */
  #laneFor(d: Drag<T>, dy: number): string | null {
    if (d.field || !this.options.onrelane() || Math.abs(dy) < LANE_THRESHOLD) return null;
    return this.options.laneAt(d.item, dy);
  }

  move = (event: PointerEvent) => {
    const d = this.#drag;
    if (!d) return;
    const dx = event.clientX - d.startX;
    const dy = event.clientY - d.startY;
    if (Math.abs(dx) > 3 || Math.abs(dy) > 3) d.moved = true;
    if (!d.moved) return;
    const lane = this.#laneFor(d, dy);
    // Most pointer moves stay within the same month: nothing to draw again.
    this.#show(
      { id: d.item.id, lane, lifted: true },
      lane ? { schedule: d.item, dy } : { schedule: this.#scheduleFor(d, dx), dy: 0 }
    );
  };

  end = (event: PointerEvent) => {
    const d = this.#drag;
    if (!d) return;
    this.#drag = null;
    if (!d.moved) return;
    this.#suppressClick = true;
    // Into another lane, the bar keeps its dates: one change at a time, each with its undo.
    const dy = event.clientY - d.startY;
    const lane = this.#laneFor(d, dy);
    if (lane) {
      void this.submitLane(d.item, lane, dy);
      return;
    }
    const schedule = this.#scheduleFor(d, event.clientX - d.startX);
    if (SCHEDULE_FIELDS.every((f) => schedule[f] === d.item[f])) {
      this.#clear();
      return;
    }
    void this.submit(d.item, schedule);
  };

  /** A drag ends with a click on the link: it must not open the item. */
  click = (event: MouseEvent) => {
    if (this.#suppressClick) {
      event.preventDefault();
      this.#suppressClick = false;
    }
  };
}
