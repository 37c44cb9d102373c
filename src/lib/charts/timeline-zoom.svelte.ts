import { tick } from 'svelte';
import { zoomAround } from './timeline-scale';

/**
 * Zoom and pan of the roadmap timeline: Ctrl + wheel (what a trackpad pinch sends too), a
 * two-finger pinch, and dragging the background to pan. Zoom is local until the next
 * navigation picks a level again. Pointer conveniences only: the zoom links, scroll bars and
 * keys do the same.
 */
export class TimelineZoom {
  #zoomed = $state.raw<{ base: number; value: number } | null>(null);
  #touches: { id: number; x: number; y: number }[] = [];
  #pan: { x: number; y: number; left: number; top: number } | null = null;
  #pinch: number | null = null;

  constructor(
    private readonly base: () => number,
    private readonly scroller: () => HTMLElement | undefined,
    private readonly labelWidth: number,
    /** Told where the scroller will be scrolled to, before the zoom is drawn. */
    private readonly scrollingTo: (el: HTMLElement, scrollLeft: number) => void = () => {}
  ) {}

  /** Pixels per month now: the level's, or where wheel and pinch have taken it. */
  get ppm(): number {
    const zoomed = this.#zoomed;
    return zoomed && zoomed.base === this.base() ? zoomed.value : this.base();
  }

  async zoomBy(factor: number, clientX: number) {
    const el = this.scroller();
    if (!el) return;
    const anchor = clientX - el.getBoundingClientRect().left - this.labelWidth;
    const next = zoomAround(this.ppm, factor, Math.max(0, anchor), el.scrollLeft);
    this.#zoomed = { base: this.base(), value: next.pxPerMonth };
    this.scrollingTo(el, next.scrollLeft);
    await tick();
    el.scrollLeft = next.scrollLeft;
  }

  /** Listens for Ctrl + wheel on the scroller; not passive, so the page itself does not zoom. */
  attachWheel(el: HTMLElement): () => void {
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      void this.zoomBy(Math.exp(-event.deltaY * 0.01), event.clientX);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }

  #track(event: PointerEvent) {
    this.#touches = [
      ...this.#touches.filter((t) => t.id !== event.pointerId),
      { id: event.pointerId, x: event.clientX, y: event.clientY }
    ];
  }

  down = (event: PointerEvent) => {
    const el = this.scroller();
    if (!el) return;
    this.#track(event);
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    if (this.#touches.length === 2) {
      const [a, b] = this.#touches;
      this.#pinch = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      this.#pan = null;
    } else {
      this.#pan = { x: event.clientX, y: event.clientY, left: el.scrollLeft, top: el.scrollTop };
    }
  };

  move = (event: PointerEvent) => {
    const el = this.scroller();
    if (!el || !this.#touches.some((t) => t.id === event.pointerId)) return;
    this.#track(event);
    if (this.#pinch !== null && this.#touches.length === 2) {
      const [a, b] = this.#touches;
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      if (distance > 0 && this.#pinch > 0)
        void this.zoomBy(distance / this.#pinch, (a!.x + b!.x) / 2);
      this.#pinch = distance;
    } else if (this.#pan) {
      el.scrollLeft = this.#pan.left - (event.clientX - this.#pan.x);
      el.scrollTop = this.#pan.top - (event.clientY - this.#pan.y);
    }
  };

  up = (event: PointerEvent) => {
    this.#touches = this.#touches.filter((t) => t.id !== event.pointerId);
    if (this.#touches.length < 2) this.#pinch = null;
    if (this.#touches.length === 0) this.#pan = null;
  };
}
