import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tests/e2e). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const startScript = path.join(projectRoot, 'scripts', 'start.js');

/** A port the OS says is free right now (listen on 0, read the port, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No port from the OS.'))));
    });
  });
}

/** Environment for `node scripts/start.js` on PGlite: DATABASE_URL is removed. */
export function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    ORIGIN: `http://localhost:${port}`,
    SEED_DEMO: 'true'
  };
  delete env.DATABASE_URL;
  return env;
}

/** Starts `node scripts/start.js` with both output streams piped. */
export function spawnServer(dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, [startScript], {
    cwd: projectRoot,
    env: serverEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe']
  });
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves when the child exits (at once if it already has). */
export function waitForExit(child: ChildProcess): Promise<ExitResult> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Like waitForExit, but gives up (resolving null) after `ms`. */
export async function waitForExitWithin(
  child: ChildProcess,
  ms: number
): Promise<ExitResult | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([waitForExit(child), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERM, wait up to `graceMs` for a clean exit, then SIGKILL and wait again. */
export async function stopServer(child: ChildProcess, graceMs = 15_000): Promise<ExitResult> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return { code: child.exitCode, signal: child.signalCode };
  }
  child.kill('SIGTERM');
  const exited = await waitForExitWithin(child, graceMs);
  if (exited) return exited;
  child.kill('SIGKILL');
  return waitForExit(child);
}

/** Collects a stream's text so it can be shown in an error message. */
export function collectOutput(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

/**
 * Resolves with the first stdout line that `match` accepts. Rejects if the process exits
 * first. The line reader stays attached afterwards, so the child's stdout pipe keeps
 * draining and the server never blocks on a full pipe.
 */
export function waitForLine(
  child: ChildProcess,
  match: (line: string) => boolean
): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) {
      reject(new Error('The server has no stdout pipe.'));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`The server exited (code ${code}, signal ${signal}) before printing it.`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      if (match(line)) {
        child.off('exit', onExit);
        resolve(line);
      }
    });
  });
}

/** GET /healthz once; the status code, or null when nothing answered. */
export async function healthStatus(baseURL: string): Promise<number | null> {
  try {
    const response = await fetch(new URL('/healthz', baseURL), {
      signal: AbortSignal.timeout(5_000)
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Polls /healthz until it answers 200. Each attempt awaits a real response (or a refused
 * connection); the short pause between attempts only spaces out retries. Throws once
 * `deadline` (a Date.now() value) passes, or as soon as the child exits.
 */
export async function waitForHealthy(
  baseURL: string,
  child: ChildProcess,
  deadline: number
): Promise<void> {
  let last: number | null = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (code ${child.exitCode}) before /healthz answered 200.`);
    }
    last = await healthStatus(baseURL);
    if (last === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/healthz did not answer 200 in time (last answer: ${last ?? 'no response'}).`);
}

/** Rejects with `message` if `promise` has not settled by `deadline`. */
export async function beforeDeadline<T>(
  promise: Promise<T>,
  deadline: number,
  message: string
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
