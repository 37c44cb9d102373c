import { describe, expect, it } from 'vitest';
import { preloads } from '#lib/server/preload.ts';

const ROADMAP = '/(app)/programmes/[programme]/roadmap';
const OVERVIEW = '/(app)/programmes/[programme]';

describe('which files a page asks the browser to preload', () => {
  it.each([
    // The roadmap is drawn on the server: its scripts wait until the page has been parsed.
    [ROADMAP, 'js', false],
    [ROADMAP, 'css', true],
    // Every other page keeps SvelteKit's default: scripts and stylesheets.
    [OVERVIEW, 'js', true],
    [OVERVIEW, 'css', true],
    [null, 'js', true],
    // Fonts and other assets are not preloaded anywhere, as by default.
    [OVERVIEW, 'font', false],
    [ROADMAP, 'asset', false]
  ] as const)('%s, %s: %s', (route, type, expected) => {
    expect(preloads(route, type)).toBe(expected);
  });
});
