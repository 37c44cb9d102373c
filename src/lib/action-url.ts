/**
 * The query a roadmap page keeps across a move, a lane change or an undo: what is being
 * looked at (scenario, zoom, lanes, page of lanes, baseline overlay), not one-off notices.
 */
export const ROADMAP_VIEW_KEYS = [
  'scenario',
  'zoom',
  'lanes',
  'timelinePage',
  'tablePage',
  'baseline'
] as const;

/**
 * A form action address that keeps the page's view. `action="?/move"` replaces the whole
 * query, so the action (and the page it redirects back to) would lose it; SvelteKit takes
 * the action's name from the one parameter that starts with a slash, so the rest can stay.
 */
export function actionKeeping(
  name: string,
  search: string | URLSearchParams,
  keys: readonly string[] = ROADMAP_VIEW_KEYS
): string {
  const from = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of keys) {
    const value = from.get(key);
    if (value) kept.set(key, value);
  }
  const rest = kept.toString();
  return `?/${name}${rest ? `&${rest}` : ''}`;
}
