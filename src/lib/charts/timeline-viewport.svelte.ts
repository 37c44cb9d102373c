import { flushSync, untrack } from 'svelte';
import type { Viewport } from './timeline-visible';

/**
 * How far past the edges of the scroller bars are still drawn, so a scroll shows no gap before
 * the next frame draws what came into view. Small: everything drawn costs every drag and zoom.
 */
const MARGIN_Y = 200;
const MARGIN_X = 300;

/**
 * What of the timeline body is on screen, from the scroller's scroll position and size, so
 * only that is drawn. Null until the browser has measured it (the server draws a bounded set
 * of lanes instead) and while printing (everything is drawn).
 */
export class TimelineViewport {
  // Raw (replaced, never changed in place): read for every row each time the view is drawn.
  view = $state.raw<Viewport | null>(null);
  printing = $state(false);

  constructor(
    private readonly labelWidth: number,
    private readonly axisHeight: number
  ) {}

  #measure(el: HTMLElement, scrollLeft = el.scrollLeft) {
    const top = el.scrollTop - this.axisHeight;
    const left = scrollLeft - this.labelWidth;
    const next = {
      top: top - MARGIN_Y,
      bottom: top + el.clientHeight + MARGIN_Y,
      left: left - MARGIN_X,
      right: left + el.clientWidth + MARGIN_X
    };
    // Untracked: measuring inside an effect (attach) must not make it re-run on every change
    // of view, which would detach, measure the old scroll position and draw that first.
    const now = untrack(() => this.view);
    // The same view again (a scroll event after a zoom already accounted for) draws nothing.
    if (
      now &&
      now.top === next.top &&
      now.bottom === next.bottom &&
      now.left === next.left &&
      now.right === next.right
    )
      return;
    this.view = next;
  }

  /**
   * The view once the scroller is scrolled to `scrollLeft`: a zoom sets it with the new scale,
   * so the bars for the new view are drawn in one frame rather than those for the old view first.
   */
  scrollingTo(el: HTMLElement, scrollLeft: number) {
    this.#measure(el, scrollLeft);
  }

  /** Follows the scroller's scrolling and resizing, and the browser's printing. */
  attach(el: HTMLElement): () => void {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        this.#measure(el);
      });
    };
    const beforePrint = () => flushSync(() => (this.printing = true));
    const afterPrint = () => (this.printing = false);
    this.#measure(el);
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }

  /** Scrolls so a box of the body (its own coordinates) is in sight, clear of the sticky parts. */
  reveal(el: HTMLElement, box: { x: number; y: number; width: number; height: number }) {
    const room = el.clientHeight - this.axisHeight;
    if (box.y < el.scrollTop + 8) el.scrollTop = Math.max(0, box.y - 8);
    else if (box.y + box.height > el.scrollTop + room - 8) {
      el.scrollTop = box.y + box.height - room + 8;
    }
    const across = el.clientWidth - this.labelWidth;
    if (box.x < el.scrollLeft || box.x > el.scrollLeft + across - 40) {
      el.scrollLeft = Math.max(0, box.x - 40);
    }
    this.#measure(el);
  }
}
