/**
 * The tooltip of the bar under the pointer or with focus: which item, and where it goes in the
 * scroller's own coordinates (under the bar, so it scrolls with it).
 */
export class BarTip<T> {
  current = $state.raw<{ item: T; left: number; top: number } | null>(null);

  show(event: Event, item: T, scroller: HTMLElement | undefined) {
    if (!scroller) return;
    const target = (event.currentTarget as Element).getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    this.current = {
      item,
      left: Math.max(0, target.left - box.left + scroller.scrollLeft),
      top: target.bottom - box.top + scroller.scrollTop + 4
    };
  }

  hide = () => {
    this.current = null;
  };
}
