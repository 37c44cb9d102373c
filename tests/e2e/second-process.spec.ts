import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './axe';
import {
  collectOutput,
  freePort,
  healthStatus,
  spawnServer,
  stopServer,
  waitForExitWithin
} from './server';

const EXIT_TIMEOUT_MS = 30_000;

test('a second process on the same data folder refuses to start and leaves the data alone', async ({
  page,
  baseURL
}) => {
  test.setTimeout(EXIT_TIMEOUT_MS + 30_000);
  const dataDir = process.env.E2E_DATA_DIR;
  expect(dataDir, 'E2E_DATA_DIR is set by global set-up').toBeTruthy();
  expect(fs.existsSync(dataDir!)).toBe(true);
  expect(baseURL).toBeTruthy();

  await signIn(page);
  await expect(page.getByRole('link', { name: 'Thornshire reorganisation (demo)' })).toBeVisible();

  const port = await freePort();
  const second = spawnServer(dataDir!, port);
  const stdout = collectOutput(second.stdout);
  const stderr = collectOutput(second.stderr);
  try {
    const exit = await waitForExitWithin(second, EXIT_TIMEOUT_MS);
    expect(exit, `the second process was still running after ${EXIT_TIMEOUT_MS / 1000} s`).not.toBe(
      null
    );
    expect(exit?.code, `stderr:\n${stderr()}`).not.toBe(0);
    expect(exit?.code).not.toBe(null);
    expect(stderr()).toContain('already in use');
    expect(stderr()).toContain('is already in use by another Vesting Day process');
    expect(stdout()).not.toContain('Listening on');
  } finally {
    await stopServer(second);
  }
  expect(await healthStatus(`http://localhost:${port}`)).toBe(null);

  // The first server still answers, and the signed-in user still sees the demo data.
  const health = await page.request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

  await page.goto('/programmes');
  await expect(page).toHaveURL(/\/programmes$/);
  await page.getByRole('link', { name: 'Thornshire reorganisation (demo)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Thornshire reorganisation (demo)'
  );
  await expect(page.getByText('Thornshire County Council', { exact: true })).toBeVisible();
  await expect(page.getByText('Aldmoor District Council', { exact: true })).toBeVisible();
});
