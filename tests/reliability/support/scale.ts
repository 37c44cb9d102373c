/**
 * RELIABILITY_SCALE=short runs every reliability test with smaller numbers (CI runs it that
 * way); the default is the full run the figures in the README come from.
 */
export const SHORT = process.env.RELIABILITY_SCALE === 'short';

export const pick = <T>(full: T, short: T): T => (SHORT ? short : full);

/** Waits for a condition, checking between turns of the event loop; fails after `ms`. */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
