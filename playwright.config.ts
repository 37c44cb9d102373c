import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the built app (build/) against Debian's Chromium: Playwright never
 * downloads a browser here. tests/e2e/global-setup.ts starts one server on a fresh data
 * folder and an OS-chosen port, reads the demo password it prints, and shares the address
 * and credentials with the workers through process.env (E2E_BASE_URL and friends). Workers
 * load this file again after global set-up, so baseURL below is the running server.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  fullyParallel: false,
  reporter: 'list',
  // Generous: several tests sign in from two browsers and run axe on each page, on 2 cores.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: 'retain-on-failure'
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync'
          ]
        }
      }
    }
  ]
});
