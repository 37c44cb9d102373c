// Import benchmark: a generated 15,000-row contract register uploaded, previewed and committed
// through the running app (`node scripts/start.js`), on embedded PGlite and on PostgreSQL.
//
//   upload:  POST the file; the server reads it (csv-parse stream), finds the header, keeps it
//   preview: GET the preview; every row is checked and compared with the database
//   commit:  POST the commit; one transaction of multi-row upserts and one audit event
//   again:   the same file committed a second time (every row unchanged)
//
// Usage: node bench/import.js [--rows=N]   (default 15000)
// PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL), default
// postgres://postgres@127.0.0.1:5432/postgres; a throwaway database is created and dropped.
// Needs a build (`npm run build`). Writes bench/results/import.json and prints the figures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startScript = path.join(root, 'scripts', 'start.js');
const resultsFile = path.join(root, 'bench', 'results', 'import.json');
const rowsArg = process.argv.find((a) => a.startsWith('--rows='));
const ROWS = rowsArg ? Number(rowsArg.slice(7)) : 15_000;

/** A register in the layout of tests/fixtures/import/layout-a-contract-number.csv. */
function register(rows) {
  const lines = [
    'Contract number,Title of agreement,Supplier name,Department,Contract value,Start date,End date,Extension options,Notice period'
  ];
  const departments = ['Environment', 'Finance', 'Adults', 'Children', 'Housing', 'Highways'];
  for (let i = 1; i <= rows; i++) {
    const year = 2018 + (i % 8);
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      [
        `BENCH-${String(i).padStart(6, '0')}`,
        `Contract for service ${i}`,
        `Supplier ${i % 900} Ltd`,
        departments[i % departments.length],
        `"£${(1000 + i * 37).toLocaleString('en-GB')}.${String(i % 100).padStart(2, '0')}"`,
        `01/${month}/${year}`,
        `28/${month}/${year + 5}`,
        i % 3 === 0 ? '1+1 years' : '',
        i % 2 === 0 ? '3 months' : '90 days'
      ].join(',')
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address.port));
    });
  });
}

/** Starts the app; resolves with the child and the demo sign-in once /healthz answers. */
async function startApp(env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [startScript], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), ORIGIN: base, SEED_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app stopped:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The app did not start:\n${output}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false
    );
    const login = /Demo sign-in: (\S+) \/ (\S+)/.exec(output);
    if (ok && login) return { child, base, email: login[1], password: login[2] };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopApp(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function run(name, env, file) {
  const app = await startApp(env);
  try {
    const headers = { origin: app.base, accept: 'text/html' };
    const signIn = await fetch(`${app.base}/login`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ email: app.email, password: app.password }),
      redirect: 'manual'
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    if (!cookie) throw new Error(`Sign-in failed (${signIn.status})`);
    const importPage = `${app.base}/programmes/thornshire-demo/import`;
    const page = await (await fetch(importPage, { headers: { cookie } })).text();
    const councilId = /<option value="([0-9a-f-]{36})"/.exec(page)?.[1];
    if (!councilId) throw new Error('No council on the import page');

    const once = async () => {
      const form = new FormData();
      form.set('kind', 'contracts');
      form.set('councilId', councilId);
      form.set('file', new File([file], 'bench-register.csv', { type: 'text/csv' }));
      const upload = await timed(() =>
        fetch(importPage, {
          method: 'POST',
          headers: { ...headers, cookie },
          body: form,
          redirect: 'manual'
        })
      );
      const location = upload.value.headers.get('location');
      if (upload.value.status !== 303 || !location) {
        throw new Error(
          `Upload refused (${upload.value.status}): ${(await upload.value.text()).slice(0, 500)}`
        );
      }
      const preview = await timed(async () => {
        const r = await fetch(`${app.base}${location}/preview`, { headers: { cookie } });
        return r.text();
      });
      if (preview.value.includes('fixing before anything can be imported'))
        throw new Error('The generated register has invalid rows');
      const commit = await timed(() =>
        fetch(`${app.base}${location}/preview`, {
          method: 'POST',
          headers: { ...headers, cookie },
          body: new URLSearchParams(),
          redirect: 'manual'
        })
      );
      if (commit.value.status !== 303) throw new Error(`Commit failed (${commit.value.status})`);
      return { uploadMs: upload.ms, previewMs: preview.ms, commitMs: commit.ms };
    };
    const first = await once();
    const again = await once();
    const rate = (ms) => Math.round(ROWS / (ms / 1000));
    const result = {
      database: name,
      rows: ROWS,
      fileBytes: file.length,
      first: {
        ...round(first),
        commitRowsPerSecond: rate(first.commitMs),
        totalRowsPerSecond: rate(first.uploadMs + first.previewMs + first.commitMs)
      },
      again: {
        ...round(again),
        commitRowsPerSecond: rate(again.commitMs),
        totalRowsPerSecond: rate(again.uploadMs + again.previewMs + again.commitMs)
      }
    };
    console.log(
      `${name.padEnd(10)} first import: upload ${fmt(first.uploadMs)}, preview ${fmt(first.previewMs)}, commit ${fmt(first.commitMs)} → ${result.first.totalRowsPerSecond.toLocaleString('en-GB')} rows/s overall, ${result.first.commitRowsPerSecond.toLocaleString('en-GB')} rows/s commit`
    );
    console.log(
      `${name.padEnd(10)} re-import:    upload ${fmt(again.uploadMs)}, preview ${fmt(again.previewMs)}, commit ${fmt(again.commitMs)} → ${result.again.totalRowsPerSecond.toLocaleString('en-GB')} rows/s overall`
    );
    return result;
  } finally {
    await stopApp(app.child);
  }
}

const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const file = register(ROWS);
const results = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-bench-import-'));
try {
  results.push(await run('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, file));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const dbName = `vd_bench_import_${process.pid}`;
try {
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  results.push(await run('PostgreSQL', { DATABASE_URL: url.toString() }, file));
} catch (error) {
  console.error(`PostgreSQL run skipped: ${error.message}`);
} finally {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
}

const report = {
  benchmark: 'import',
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
  results
};
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Written to ${path.relative(root, resultsFile)}`);
