// Checks benchmark: how long the pure engine takes on a large programme, in memory.
//
//   15 councils (13 predecessors, a county split between 2 successors), 6,000 systems,
//   15,000 contracts with extension options, every day-one fact, 7 security controls each.
//
// Times evaluateChecks (median of many runs after warm-up), and separately the building of
// the snapshot (deriving each contract's current end, latest end and notice deadline, as the
// server does when it loads one). The data is generated from a fixed seed, so runs compare.
//
// Usage: node bench/checks.js [--runs=N]   (or BENCH_RUNS=N; default 60)
// The engine is TypeScript: esbuild (installed with Vite) bundles it to bench/tmp first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadBundle, pad, random, readRuns } from './support/common.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'bench', 'results', 'checks.json');
const SIZE = { councils: 15, systems: 6_000, contracts: 15_000 };
const TODAY = '2026-11-27';
const VESTING = '2028-04-01';

function loadEngine() {
  return loadBundle('checks-engine', `export * from './src/lib/domain/checks/index.ts';`);
}

function isoDate(rand, fromYear, years) {
  const year = fromYear + Math.floor(rand() * years);
  return `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
}

function generate(engine) {
  const rand = random(20280401);
  const id = (kind, i) => `${kind}-${String(i).padStart(6, '0')}`;
  const successors = [0, 1].map((i) => ({
    id: id('successor', i),
    name: `Successor ${i + 1}`,
    role: 'successor',
    website: null
  }));
  const predecessors = Array.from({ length: SIZE.councils - 2 }, (_, i) => ({
    id: id('council', i),
    name: `Predecessor ${i + 1}`,
    role: 'predecessor',
    website: null
  }));
  const councils = [...successors, ...predecessors];
  const successions = predecessors.flatMap((p, i) =>
    i === 0
      ? successors.map((s) => ({ predecessorId: p.id, successorId: s.id }))
      : [{ predecessorId: p.id, successorId: successors[i % 2].id }]
  );
  const systems = Array.from({ length: SIZE.systems }, (_, i) => ({
    id: id('system', i),
    councilId: predecessors[i % predecessors.length].id,
    serviceAreaId: rand() < 0.03 ? null : id('area', i % 20),
    name: `System ${i}`
  }));
  const treatments = ['undecided', 'extend', 'transfer', 'novate', 'reprocure', 'expire'];
  const contracts = Array.from({ length: SIZE.contracts }, (_, i) => {
    const endDate = rand() < 0.02 ? null : isoDate(rand, 2026, 5);
    const options = Array.from({ length: Math.floor(rand() * 3) }, () => ({
      lengthMonths: [6, 12, 24][Math.floor(rand() * 3)],
      exercised: rand() < 0.3
    }));
    return engine.contractForChecks(
      {
        id: id('contract', i),
        councilId: predecessors[i % predecessors.length].id,
        reference: `REF-${i}`,
        title: `Contract ${i}`,
        supplierName: `Supplier ${i % 700}`,
        treatment: treatments[Math.floor(rand() * treatments.length)],
        endDate
      },
      {
        startDate: null,
        endDate,
        noticePeriodValue: rand() < 0.8 ? Math.floor(rand() * 6) : null,
        noticePeriodUnit: 'months',
        maxEndDate: null,
        extensionOptions: options
      }
    );
  });
  const facts = [
    ...successors.map((s) => ({
      ...engine.emptyFacts(s.id),
      targetTenant: `${s.id}.onmicrosoft.com`,
      financeSystemId: systems[0].id,
      websiteUrl: `https://www.${s.id}.gov.example`,
      websiteGoLive: '2028-01-15'
    })),
    ...predecessors.map((p, i) => ({
      ...engine.emptyFacts(p.id),
      tenancyStatus: ['in_target', 'migration_planned', 'cross_tenant'][i % 3],
      tenancyDate: '2027-12-01',
      financeMove: 'migrated',
      financeDate: '2028-01-01',
      redirectPlan: 'planned',
      redirectDate: '2028-02-01',
      legacyRouting: true
    }))
  ];
  const securityControls = Array.from({ length: 7 }, (_, i) => ({
    id: id('control', i),
    name: `Control ${i}`
  }));
  const securityStatuses = councils.flatMap((c) =>
    securityControls.map((control) => ({
      controlId: control.id,
      councilId: c.id,
      status: 'met',
      evidence: null,
      expiryDate: isoDate(rand, 2027, 3)
    }))
  );
  const savings = Array.from({ length: 20 }, (_, i) => ({
    id: id('saving', i),
    programmeYear: 1 + (i % 10),
    category: i % 3 === 0 ? 'digital' : 'other',
    description: `Saving ${i}`,
    amountPence: 100_000_00
  }));
  const redesigns = Array.from({ length: 30 }, (_, i) => ({
    id: id('redesign', i),
    title: `Redesign ${i}`,
    serviceAreaId: id('area', i % 20),
    start: isoDate(rand, 2028, 6)
  }));
  return {
    programme: { slug: 'bench', name: 'Bench', vestingDate: VESTING, stabilisationMonths: 12 },
    councils,
    successions,
    systems,
    contracts,
    facts,
    securityControls,
    securityStatuses,
    savings,
    redesigns
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms) => Math.round(ms * 100) / 100;

async function main() {
  const runs = readRuns(60);
  const engine = await loadEngine();
  const buildTimes = [];
  let snapshot;
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const start = performance.now();
    snapshot = generate(engine);
    buildTimes.push(performance.now() - start);
  }
  for (let i = 0; i < 5; i++) engine.evaluateChecks(snapshot, TODAY);
  // Wall-clock time, and the process's own CPU time: on a shared machine the second is the
  // steadier measure of the engine (other processes' load inflates the first).
  const times = [];
  const cpuTimes = [];
  let results;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    results = engine.evaluateChecks(snapshot, TODAY);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const summary = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    size: SIZE,
    runs,
    evaluateChecksMs: {
      median: round(median(times)),
      min: round(Math.min(...times)),
      max: round(Math.max(...times))
    },
    evaluateChecksCpuMs: {
      median: round(median(cpuTimes)),
      min: round(Math.min(...cpuTimes)),
      max: round(Math.max(...cpuTimes))
    },
    loadAverage: os.loadavg().map(round),
    generateAndDeriveSnapshotMs: { median: round(median(buildTimes)), runs: buildTimes.length },
    statuses: Object.fromEntries(results.map((r) => [r.id, r.status])),
    findings: results.reduce((n, r) => n + r.findings.length, 0)
  };
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `evaluateChecks on ${SIZE.councils} councils, ${SIZE.systems} systems, ${SIZE.contracts} contracts: ` +
      `median ${summary.evaluateChecksMs.median} ms (min ${summary.evaluateChecksMs.min}, max ${summary.evaluateChecksMs.max}) over ${runs} runs`
  );
  console.log(
    `CPU time: median ${summary.evaluateChecksCpuMs.median} ms; load average ${summary.loadAverage.join(', ')} on ${summary.cpus} cores`
  );
  console.log(
    `generating the snapshot with derived contract dates: median ${summary.generateAndDeriveSnapshotMs.median} ms`
  );
  console.log(`written to ${path.relative(root, resultsFile)}`);
}

await main();
