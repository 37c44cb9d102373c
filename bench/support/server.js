// Starts the built app (build/) in its own process, as production runs it, and watches it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const startScript = path.join(root, 'scripts', 'start.js');

/** A port the OS says is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port from the OS.'))));
    });
  });
}

/**
 * The app on PostgreSQL (`databaseUrl`), with no demo seed, answering 200 on /healthz.
 * Same environment as the reliability suite's `startServer`.
 */
export async function startApp(databaseUrl, { timeoutMs = 180_000, env: extra = {} } = {}) {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    ORIGIN: `http://localhost:${port}`,
    SEED_DEMO: 'false',
    DATABASE_URL: databaseUrl,
    ...extra
  };
  const child = spawn(process.execPath, [startScript], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  // Drain both pipes (a full pipe would block the server) and keep the text for errors.
  child.stdout.setEncoding('utf8').on('data', (c) => (output = (output + c).slice(-20_000)));
  child.stderr.setEncoding('utf8').on('data', (c) => (output = (output + c).slice(-20_000)));
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${output}`);
    const status = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) })
      .then(async (r) => (await r.body?.cancel(), r.status))
      .catch(() => null);
    if (status === 200) return { child, base, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopApp(child);
  throw new Error(`The app did not answer /healthz within ${timeoutMs / 1000} s:\n${output}`);
}

/** SIGTERM, then wait for the exit (SIGKILL after 15 s). */
export async function stopApp(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in MB, now (VmRSS) and at its peak (VmHWM), from /proc. */
export function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the server has gone quiet (under 5% of a core over 300 ms, twice running):
 * requests still queued when the load test's clients stop would otherwise run on into the
 * next page's measurement. Gives up after two minutes.
 */
export async function waitForIdle(pid, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 300));
    const now = cpuSeconds(pid);
    quiet = now - last < 0.015 ? quiet + 1 : 0;
    last = now;
  }
}
