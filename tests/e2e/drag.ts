import { expect, type Page } from '@playwright/test';

/**
 * Presses the mouse at `from` and moves it through each offset in turn, as a hand would (a
 * drag is a run of pointer moves, not a jump), then lets go unless `hold` is set (to check
 * what the page shows mid-drag; the caller then calls `page.mouse.up()`).
 */
export async function dragThrough(
  page: Page,
  from: { x: number; y: number },
  offsets: { dx?: number; dy?: number }[],
  { hold = false }: { hold?: boolean } = {}
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (const { dx = 0, dy = 0 } of offsets) await page.mouse.move(from.x + dx, from.y + dy);
  if (!hold) await page.mouse.up();
}

/**
 * Opens a roadmap timeline and waits until it responds to the pointer and keys (its script
 * has run): a drag or key press before that does nothing, as it would for a person.
 */
export async function openTimeline(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.vd-timeline[data-interactive]').first()).toBeAttached();
}
