import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets the event loop answer other requests before long work goes on. Long loops on the main
 * thread (reading 100,000 import rows, writing a restore in batches) call it between slices,
 * so no request waits behind more than one slice: on PGlite especially, where the database
 * itself runs on this thread.
 */
export function yieldToOthers(): Promise<void> {
  return nextTurn();
}

/** Items of pure work done between two yields: a few tens of milliseconds at most. */
export const ITEMS_PER_SLICE = 2_000;

/** `items.map(fn)`, yielding to other requests every {@link ITEMS_PER_SLICE} items. */
export async function mapWithYields<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % ITEMS_PER_SLICE === 0) await yieldToOthers();
    out.push(fn(items[i]!));
  }
  return out;
}
