import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { parseWorkerPlugin } from './scripts/vite-parse-worker.ts';

/**
 * The hash of the inline style on SvelteKit's route announcer (the live region that reads out
 * each new page's title after a navigation in the browser): it keeps it visually hidden. Its
 * rule is also in our stylesheet (`#svelte-announcer`), should a SvelteKit update change it.
 */
const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

export default defineConfig({
  plugins: [
    sveltekit({
      preprocess: vitePreprocess(),
      compilerOptions: { runes: true },
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
      }
    }),
    parseWorkerPlugin()
  ],
  css: {
    // govuk-frontend's service navigation still carries an IE 9–11 hack
    // (`@media screen and (min-width: 0\\0)`) that Lightning CSS, Vite 8's minifier, refuses
    // as invalid: drop that rule (browsers ignore it anyway) with a warning rather than fail.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      // govuk-frontend is resolved from node_modules; its own deprecation notices are not ours to fix.
      scss: { quietDeps: true, loadPaths: ['node_modules'] }
    }
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // A fresh PGlite takes a few seconds to boot; one per worker, reset between tests.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/integration/global-setup.ts'],
          // The built server is already compiled: Node loads it as it is, untransformed.
          server: { deps: { external: [/\.svelte-kit\/output\//] } }
        }
      },
      {
        extends: true,
        test: {
          // `npm run test:reliability`: load, faults and hostile input against the built app
          // in its own process. Heavy, so one file at a time and never part of a quick run.
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/reliability/global-setup.ts']
        }
      }
    ]
  }
});
