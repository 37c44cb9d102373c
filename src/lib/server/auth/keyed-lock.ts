/**
 * One at a time per key, within this process. The throttle's real lock is in the database
 * (several instances may share it); this queue in front of it keeps a burst of attempts on one
 * key waiting here, in memory, rather than each holding a pooled connection while it waits.
 */
const tails = new Map<string, Promise<void>>();

export async function withKeyLock<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await run();
  } finally {
    release();
    // The last in the queue removes the key, so the map holds only keys in use.
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/** Takes the locks in the order given (callers always give the same order: no deadlock). */
export function withKeyLocks<T>(keys: readonly string[], run: () => Promise<T>): Promise<T> {
  const [first, ...rest] = keys;
  if (first === undefined) return run();
  return withKeyLock(first, () => withKeyLocks(rest, run));
}
