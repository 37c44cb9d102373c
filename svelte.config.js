import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    // The stylesheet comes inside the page rather than as a second request the first paint
    // waits for (about a fifth of the roadmap's time to first render on a fresh visit). Later
    // navigations in the browser fetch only data, so it is not sent again with each page.
    inlineStyleThreshold: Infinity,
    // Nonce-based CSP: inline scripts SvelteKit emits get a per-request nonce.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
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
