import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The hash of the inline style on SvelteKit's route announcer (the live region that reads out
 * each new page's title after a navigation in the browser): it keeps it visually hidden. Its
 * rule is also in our stylesheet (`#svelte-announcer`), should a SvelteKit update change it.
 */
const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    // The stylesheet comes inside the page rather than as a second request the first paint
    // waits for (about a fifth of the roadmap's time to first render on a fresh visit). The
    // price: each page's HTML carries it (about 15 KB compressed, 124 KB not), uncached.
    // Navigations in the browser fetch only data; without JavaScript each page carries it.
    inlineStyleThreshold: Infinity,
    // Nonce-based CSP: the inline scripts SvelteKit emits, and the inlined stylesheet, get a
    // per-request nonce.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Styles come from our stylesheet (inlined with a nonce). The one exception is
        // SvelteKit's own route announcer, whose inline style attribute is allowed by its hash.
        'style-src': ['self', 'unsafe-hashes', ANNOUNCER_STYLE_HASH],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'frame-ancestors': ['none']
      }
    },
    alias: {
      $tests: 'tests'
    }
  }
};

export default config;
