import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { parseWorkerPlugin } from './scripts/vite-parse-worker';

export default defineConfig({
  plugins: [sveltekit(), parseWorkerPlugin()],
  css: {
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
