import type { Handle } from '@sveltejs/kit/hooks';

/**
 * Pages whose main content is drawn on the server and is usable before their scripts run: the
 * roadmap's timeline (bars are links, the table and warnings are plain HTML). Asked to preload
 * the scripts (SvelteKit's `<link rel="modulepreload">` elements), the browser fetches and compiles
 * some 40 modules while it is still parsing and drawing the page, and the timeline showed about
 * a quarter later (bench/timeline.js, A/B of 20 visits each: 894 ms to 648 ms at 300 items).
 * Here the scripts are fetched when the page's own inline script asks for them, once the page
 * has been parsed; they then take a little longer to be ready (1,557 to 1,678 ms).
 */
const DRAWN_FIRST = new Set(['/(app)/programmes/[programme]/roadmap']);

/**
 * Whether a response asks the browser to preload a file of this type: as SvelteKit does by
 * default, scripts and stylesheets only, but no scripts for the pages above.
 */
export function preloads(routeId: string | null, type: 'js' | 'css' | 'font' | 'asset'): boolean {
  if (type === 'css') return true;
  return type === 'js' && (routeId === null || !DRAWN_FIRST.has(routeId));
}

export const preloadPolicy: Handle = ({ event, resolve }) =>
  resolve(event, { preload: ({ type }) => preloads(event.route.id, type) });
