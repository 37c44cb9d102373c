// `npm run bench`: every benchmark in one run, written to bench/results/latest.json.
//
//   1. builds the app once (skip with --no-build);
//   2. generates the `large` programme (bench/generate.js) in a throwaway PostgreSQL database;
//   3. starts the built app on it, signs in its owner (a session row) and load-tests each page
//      with autocannon, 10 clients, ROUNDS rounds of about SECONDS s per page (a fixed number
//      of requests, sized from one timed load, at least 20); every round also
//      measures /about, a trivial page of the same app, and each page's figures are given as a
//      ratio to it (absolute times on a shared machine are noise; ratios compare);
//   4. peak server RSS (VmHWM from /proc) over the load test, and the JavaScript and CSS each
//      page ships, gzipped (from the build's client manifest);
//   5. runs bench/checks.js, bench/startup.js, bench/import.js, bench/timeline.js (the
//      roadmap timeline in headless Chromium against dhtmlx-gantt and frappe-gantt) and
//      bench/planner.js (the planner against a naive plan) or, with --reuse, reads the results
//      they last wrote, and folds them in.
//   6. SQL statements per page load at `small` and `large` (generated beside `large`), from a
//      second server started with COUNT_SQL_QUERIES=1 (bench/support/queries.js).
//
// Usage: node bench/run.js [--no-build] [--reuse] [--rounds=3] [--seconds=5]
//        [--pages=overview,readiness] [--queries-only] [--merge]
// --pages measures only the pages named (by the start of their names) and --queries-only
// skips the load test; either one (or --merge) updates those pages' figures in the existing
// latest.json, each page marked with when it was measured, instead of replacing the file.
// PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres (a database is created and dropped).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { generate, SIZES } from './generate.js';
import { plannerForLatest } from './planner.js';
import { readManifest, shippedBy } from './support/bundles.js';
import { measure } from './support/load.js';
import { queriesPerPage } from './support/queries.js';
import { memoryOf, root, startApp, stopApp, waitForIdle } from './support/server.js';
import { sameAtEverySize, spread, summarise, table } from './support/stats.js';
import { timelineReport } from './support/timeline-report.js';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const textOption = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROUNDS = option('rounds', 3);
const SECONDS = option('seconds', 5);
const SIZE = 'large';
const resultsDir = path.join(root, 'bench', 'results');
const started = Date.now();
const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const log = (message) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const PAGES = [
  { name: 'overview', path: '' },
  { name: 'contracts (filtered)', path: '/contracts?undecided=yes&sort=end' },
  { name: 'systems matrix', path: '/systems/matrix' },
  { name: 'readiness (checks)', path: '/checks' },
  { name: 'roadmap', path: '/roadmap' }
];
const wanted = textOption('pages')
  ?.split(',')
  .map((w) => w.trim().toLowerCase())
  .filter(Boolean);
const SELECTED = wanted
  ? PAGES.filter((p) => wanted.some((w) => p.name.toLowerCase().startsWith(w)))
  : PAGES;
const QUERIES_ONLY = flag('queries-only');
const MERGE = flag('merge') || QUERIES_ONLY || SELECTED.length < PAGES.length;

function node(script, extra = []) {
  log(`node ${script} ${extra.join(' ')}`);
  execFileSync(process.execPath, [path.join(root, 'bench', script), ...extra], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit']
  });
}

const readResult = (name) => {
  const file = path.join(resultsDir, `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};

async function serverBenchmarks(databaseUrl) {
  log(`generating "${SIZE}" (${JSON.stringify(SIZES[SIZE])})`);
  const generateStart = Date.now();
  const programme = await generate(SIZE, { databaseUrl });
  const generateSeconds = (Date.now() - generateStart) / 1000;
  log(`generated in ${generateSeconds.toFixed(1)} s`);
  const measured = QUERIES_ONLY ? {} : await loadTest(databaseUrl, programme);
  log('generating "small" beside it and counting SQL statements per page at both sizes');
  const small = await generate('small', { databaseUrl });
  // Every page, whichever were load-tested: counting is cheap.
  const queries = await queriesPerPage(databaseUrl, PAGES, { small, [SIZE]: programme });
  for (const [name, bySize] of Object.entries(queries))
    log(`queries ${name}: ${JSON.stringify(bySize)}`);
  return {
    size: SIZE,
    counts: SIZES[SIZE],
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    ...measured,
    queriesPerPage: queries
  };
}

async function loadTest(databaseUrl, programme) {
  log('starting the app for the load test');
  const app = await startApp(databaseUrl);
  const manifest = readManifest();
  const pid = app.child.pid;
  let peakMb = 0;
  const watch = setInterval(() => {
    const m = memoryOf(pid);
    if (m) peakMb = Math.max(peakMb, m.peakMb);
  }, 200);
  try {
    const base = `${app.base}/programmes/${programme.slug}`;
    const targets = [
      { name: 'trivial (/about)', url: `${app.base}/about` },
      ...SELECTED.map((p) => ({ name: p.name, url: `${base}${p.path}` }))
    ];
    // One load of each page first: checks it answers 200 to the member, warms the server,
    // and gives what the page ships.
    const shipped = {};
    const amounts = {};
    for (const t of targets) {
      const response = await fetch(t.url, { headers: { cookie: programme.cookie } });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${t.url} answered ${response.status}`);
      // A second, timed load sizes the test: about SECONDS s of work, at least 20 requests.
      const single = performance.now();
      await (await fetch(t.url, { headers: { cookie: programme.cookie } })).text();
      const singleMs = performance.now() - single;
      amounts[t.name] = Math.min(3000, Math.max(20, Math.round((SECONDS * 1000) / singleMs)));
      shipped[t.name] = {
        ...shippedBy(html, manifest),
        htmlKbGz: Math.round((gzipSync(html).length / 1024) * 10) / 10
      };
    }
    const samples = Object.fromEntries(
      targets.map((t) => [t.name, { rps: [], p95: [], ratio: [] }])
    );
    for (let round = 1; round <= ROUNDS; round++) {
      let trivial = 0;
      for (const t of targets) {
        // Each page starts on a quiet server: requests still queued from the page before
        // would otherwise count against this one.
        await waitForIdle(pid);
        const r = await measure(t.url, { cookie: programme.cookie, amount: amounts[t.name] });
        if (t === targets[0]) trivial = r.requestsPerSecond;
        const s = samples[t.name];
        s.rps.push(r.requestsPerSecond);
        s.p95.push(r.p95Ms);
        s.ratio.push(trivial ? r.requestsPerSecond / trivial : NaN);
        log(
          `round ${round}/${ROUNDS} ${t.name}: ${r.requests} requests, ${r.requestsPerSecond.toFixed(1)} req/s, p95 ${r.p95Ms} ms`
        );
      }
    }
    const final = memoryOf(pid);
    if (final) peakMb = Math.max(peakMb, final.peakMb);
    const pages = Object.fromEntries(
      targets.map((t) => [
        t.name,
        {
          url: t.url.slice(app.base.length).replace(programme.slug, '<programme>'),
          requestsPerSecond: summarise(samples[t.name].rps, 1),
          p95Ms: summarise(samples[t.name].p95, 0),
          ratioToTrivial: summarise(samples[t.name].ratio, 3),
          shipped: shipped[t.name]
        }
      ])
    );
    return {
      connections: 10,
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      requestsPerRun: amounts,
      pages,
      serverPeakRssMb: Math.round(peakMb)
    };
  } finally {
    clearInterval(watch);
    await stopApp(app.child);
  }
}

async function main() {
  const loadAtStart = load();
  if (!flag('no-build')) {
    log('building (vite build)');
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const dbName = `vd_bench_run_${process.pid}`;
  let server;
  try {
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    server = await serverBenchmarks(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  }
  const loadAfterServer = load();

  if (!flag('reuse')) {
    node('checks.js', ['--runs=60']);
    node('startup.js', ['--runs=3']);
    node('import.js');
    execFileSync('bash', [path.join(root, 'scripts', 'ensure-chromium.sh')], { stdio: 'inherit' });
    node('timeline.js', ['--runs=3']);
    node('planner.js', ['--runs=15']);
  }
  const checks = readResult('checks');
  const startup = readResult('startup');
  const imported = readResult('import');
  const timeline = readResult('timeline');
  const planner = readResult('planner');

  const date = new Date().toISOString();
  if (MERGE) {
    const previous = readResult('latest');
    if (!previous) throw new Error('No bench/results/latest.json to update: run the full bench.');
    const { pages = {}, queriesPerPage: queries, ...rest } = server;
    for (const page of Object.values(pages)) page.measuredAt = date;
    previous.server = {
      ...previous.server,
      ...(QUERIES_ONLY
        ? {}
        : {
            ...rest,
            requestsPerRun: { ...previous.server.requestsPerRun, ...rest.requestsPerRun }
          }),
      pages: { ...previous.server.pages, ...pages },
      queriesPerPage: { ...previous.server.queriesPerPage, ...queries }
    };
    delete previous.queriesPerPage;
    previous.partialUpdates = [
      ...(previous.partialUpdates ?? []),
      {
        date,
        pages: QUERIES_ONLY ? [] : Object.keys(pages),
        queries: Object.keys(queries),
        loadAverage: loadAfterServer
      }
    ];
    fs.writeFileSync(
      path.join(resultsDir, 'latest.json'),
      `${JSON.stringify(previous, null, 2)}\n`
    );
    console.log(`\n${report(previous)}\n\nUpdated in bench/results/latest.json`);
    return;
  }

  const latest = {
    date,
    node: process.version,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown' },
    loadAverage: { atStart: loadAtStart, afterServer: loadAfterServer, atEnd: load() },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    server,
    checks: checks && {
      date: checks.date,
      size: checks.size,
      evaluateChecksMs: checks.evaluateChecksMs,
      evaluateChecksCpuMs: checks.evaluateChecksCpuMs,
      loadAverage: checks.loadAverage
    },
    startup: startup && {
      date: startup.date,
      runs: startup.runs,
      cold: startup.cold,
      warm: startup.warm
    },
    import: imported && {
      date: imported.date,
      loadAverage: imported.loadAverage,
      results: imported.results
    },
    timeline,
    planner: planner && plannerForLatest(planner)
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(latest, null, 2)}\n`);
  console.log(`\n${report(latest)}\n\nWritten to bench/results/latest.json`);
}

/** The table printed at the end (and pasted into the README). */
export function report(latest) {
  const s = latest.server;
  const rows = Object.entries(s.pages).map(([name, p]) => [
    name,
    spread(p.requestsPerSecond),
    spread(p.p95Ms),
    spread(p.ratioToTrivial),
    p.shipped ? `${p.shipped.jsKbGz} / ${p.shipped.cssKbGz}` : '—',
    p.shipped?.htmlKbGz ?? '—'
  ]);
  const lines = [
    `Server at "${s.size}" on PostgreSQL, ${s.connections} clients, ${s.rounds} rounds of about ${s.secondsPerRun} s (at least 20 requests) per page; median (min–max):`,
    table(
      ['page', 'requests/s', 'p95 ms', 'ratio to /about', 'JS / CSS KB gz', 'HTML KB gz'],
      rows
    ),
    `Peak server RSS under load: ${s.serverPeakRssMb} MB. Generating "${s.size}": ${s.generateSeconds} s.`
  ];
  const q = s.queriesPerPage ?? {};
  if (Object.keys(q).length) {
    const sizes = Object.keys(Object.values(q)[0]);
    lines.push(
      'SQL statements per page load (just after a change / a repeat load):',
      table(
        ['page', ...sizes, 'same at every size'],
        Object.entries(q).map(([name, bySize]) => [
          name,
          ...sizes.map((size) => `${bySize[size].afterChange} / ${bySize[size].repeat}`),
          sameAtEverySize(bySize) ? 'yes' : 'NO'
        ])
      )
    );
  }
  const c = latest.checks;
  if (c) {
    lines.push(
      `Checks engine (${c.size.councils} councils, ${c.size.contracts} contracts): ${spread(c.evaluateChecksMs, ' ms')} wall, ${spread(c.evaluateChecksCpuMs, ' ms')} CPU.`
    );
  }
  const st = latest.startup;
  if (st)
    lines.push(
      `Start-up on PGlite: cold ${spread(st.cold, ' ms')}, warm ${spread(st.warm, ' ms')}.`
    );
  for (const r of latest.import?.results ?? []) {
    lines.push(
      `Import of ${r.rows} rows on ${r.database}: ${r.first.totalRowsPerSecond} rows/s overall (commit ${r.first.commitRowsPerSecond} rows/s).`
    );
  }
  if (latest.timeline) lines.push(timelineReport(latest.timeline));
  const pl = latest.planner;
  if (pl) {
    lines.push(
      `Planner (${pl.size.areas} areas, ${pl.size.contracts} contracts, capacity ${pl.size.capacity}, ${pl.size.horizonYears} years): ${spread(pl.proposeMs, ' ms')} to propose; cost ${pl.proposed.total} vs ${pl.naive.total} for the naive priority-order plan (${pl.lowerByPercent.total}% lower).`
    );
  }
  lines.push(
    `Load average: ${latest.loadAverage.atStart.join(', ')} at start, ${latest.loadAverage.atEnd.join(', ')} at end (${latest.machine.cpus} cores); ${latest.durationSeconds} s in all.`
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
