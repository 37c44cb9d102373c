import { spawn, type ChildProcess } from 'node:child_process';
import {
  collectOutput,
  freePort,
  startScript,
  projectRoot,
  stopServer,
  waitForExit,
  waitForHealthy
} from '../../e2e/server';

export interface RunningServer {
  baseURL: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<void>;
  /** SIGKILL at once: a crash, as far as the database can tell. */
  kill(): Promise<void>;
}

// A first start on PGlite with the demo seed can take a minute on a busy 2-core machine.
const START_MS = 180_000;

/**
 * Starts the built app (`build/`) in its own process, as it runs in production: on
 * PostgreSQL when `databaseUrl` is given, else on PGlite in `dataDir`. No demo seed: the
 * tests prepare their own data.
 */
export async function startServer(options: {
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    ORIGIN: `http://localhost:${port}`,
    SEED_DEMO: 'false',
    ...options.env
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.DATA_DIR = options.dataDir;
  const child = spawn(process.execPath, [startScript], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const stdout = collectOutput(child.stdout);
  const stderr = collectOutput(child.stderr);
  const baseURL = `http://localhost:${port}`;
  const output = () => `${stdout()}\n${stderr()}`;
  try {
    await waitForHealthy(baseURL, child, Date.now() + START_MS);
  } catch (error) {
    await stopServer(child, 2_000);
    throw new Error(`${(error as Error).message}\n${output()}`, { cause: error });
  }
  return {
    baseURL,
    port,
    child,
    output,
    async stop() {
      await stopServer(child, 15_000);
    },
    async kill() {
      child.kill('SIGKILL');
      await waitForExit(child);
    }
  };
}
