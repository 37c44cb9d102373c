// Start-up benchmark: time from spawning `node scripts/start.js` to the first HTTP 200 from
// /healthz, on embedded PGlite.
//
//   cold: a fresh, empty data folder every run (creates the database, migrates, seeds the demo)
//   warm: the same, already initialised data folder every run
//
// Usage: node bench/startup.js [--runs=N]   (or BENCH_RUNS=N; default 5)
// Needs a build: `npm run bench:startup` builds first. See bench/README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readRuns } from './support/common.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startScript = path.join(root, 'scripts', 'start.js');
const resultsFile = path.join(root, 'bench', 'results', 'startup.json');

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 10;

/** A port the OS says is free right now. */
function freePort() {
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

/** @param {import('node:child_process').ChildProcess} child @returns {Promise<void>} */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
  });
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** SIGTERM, then wait for the process to exit (SIGKILL if it takes longer than 30 s). */
/** @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.warn(
      `Process ${child.pid} ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s: killing it.`
    );
    child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited(child);
  clearTimeout(timer);
}

/** One GET /healthz: the status code, or null when nothing answered (not listening yet). */
/** @param {string} url @returns {Promise<number | null>} */
async function healthStatus(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/** Starts the app on `dataDir` and returns milliseconds from spawn to the first 200. */
/** @param {string} dataDir @returns {Promise<number>} */
async function timeStart(dataDir) {
  const port = await freePort();
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    ORIGIN: `http://localhost:${port}`,
    SEED_DEMO: 'true'
  };
  delete env.DATABASE_URL;
  const url = `http://127.0.0.1:${port}/healthz`;

  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, [startScript], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  // Keep both pipes drained (a full pipe would block the server) and keep the text for errors.
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));

  try {
    const deadline = started + START_TIMEOUT_MS;
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the app exited with code ${child.exitCode} before /healthz answered`);
      }
      const status = await healthStatus(url);
      if (status === 200) return performance.now() - started;
      await delay(POLL_INTERVAL_MS);
    }
    throw new Error(`/healthz did not answer 200 within ${START_TIMEOUT_MS / 1000} s`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- app output ---\n${output || '(none)'}`, { cause: error });
  } finally {
    await stop(child);
  }
}

/**
 * @param {number[]} samples
 * @returns {{ median: number, min: number, max: number, samples: number[] }}
 */
function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? NaN;
  const median = sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return {
    median: Math.round(median),
    min: Math.round(at(0)),
    max: Math.round(at(sorted.length - 1)),
    samples: samples.map((n) => Math.round(n))
  };
}

/** @param {string} label */
function tempDir(label) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vesting-day-bench-${label}-`));
}

async function main() {
  const runs = readRuns(5);
  if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
    throw new Error(
      'The app is not built: run `npm run build` first (or `npm run bench:startup`).'
    );
  }

  const cold = [];
  for (let i = 1; i <= runs; i++) {
    const dir = tempDir('cold');
    try {
      const ms = await timeStart(dir);
      cold.push(ms);
      console.log(`cold run ${i}/${runs}: ${Math.round(ms)} ms`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const warm = [];
  const warmDir = tempDir('warm');
  try {
    // One untimed start creates, migrates and seeds the folder; the timed runs reuse it.
    await timeStart(warmDir);
    for (let i = 1; i <= runs; i++) {
      const ms = await timeStart(warmDir);
      warm.push(ms);
      console.log(`warm run ${i}/${runs}: ${Math.round(ms)} ms`);
    }
  } finally {
    fs.rmSync(warmDir, { recursive: true, force: true });
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    runs,
    machine: {
      platform: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown'
    },
    cold: summarise(cold),
    warm: summarise(warm)
  };

  const header = ['start', 'median ms', 'min ms', 'max ms'];
  const body = /** @type {const} */ (['cold', 'warm']).map((kind) => {
    const { median, min, max } = results[kind];
    return [kind, String(median), String(min), String(max)];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] ?? '').length)));
  const line = (/** @type {string[]} */ r) =>
    r
      .map((cell, c) => (c ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ');
  console.log(
    `\nStart-up to first 200 from /healthz (PGlite, ${runs} run${runs === 1 ? '' : 's'} each, Node ${process.version}):`
  );
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of body) console.log(line(r));

  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(root, resultsFile)}`);
}

main().catch((error) => {
  console.error(`Start-up benchmark failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
