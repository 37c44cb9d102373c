import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import {
  beforeDeadline,
  collectOutput,
  freePort,
  spawnServer,
  stopServer,
  waitForHealthy,
  waitForLine
} from './server';

const START_TIMEOUT_MS = 60_000;
const DEMO_LINE = /^Demo sign-in: (\S+) \/ (\S+)$/;

/**
 * Starts the built app once for the whole run: a fresh PGlite data folder, a port from the
 * OS and the demo seed. The demo password is random, so it is read from the line the server
 * prints. Everything the tests need goes into process.env, which Playwright hands on to the
 * workers. The returned function is Playwright's teardown: it stops the server and removes
 * the data folder.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vesting-day-e2e-'));
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;

  const server = spawnServer(dataDir, port);
  const stderr = collectOutput(server.stderr);

  const teardown = async () => {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const line = await beforeDeadline(
      waitForLine(server, (l) => DEMO_LINE.test(l)),
      deadline,
      `no "Demo sign-in:" line within ${START_TIMEOUT_MS / 1000} s`
    );
    const [, email, password] = DEMO_LINE.exec(line) ?? [];
    if (!email || !password) throw new Error(`could not read the demo sign-in line: ${line}`);
    await waitForHealthy(baseURL, server, deadline);

    process.env.E2E_BASE_URL = baseURL;
    process.env.E2E_DEMO_EMAIL = email;
    process.env.E2E_DEMO_PASSWORD = password;
    process.env.E2E_DATA_DIR = dataDir;
  } catch (error) {
    await teardown();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The app did not start for the end-to-end tests (${reason}). ` +
        `Has \`npm run build\` been run?\n--- server stderr ---\n${stderr() || '(empty)'}`,
      { cause: error }
    );
  }

  return teardown;
}
