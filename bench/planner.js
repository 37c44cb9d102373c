// Planner benchmark: how long proposing a roadmap takes, and how much cheaper it is than a
// naive plan, on a large programme generated in memory from a fixed seed:
//
//   60 service areas to redesign, 300 contracts that bind them (current ends from vesting day
//   to ten years on, some with extension options left), about 20 dependencies, capacity 3,
//   a 10-year horizon.
//
// Times proposeRoadmap (median of many runs after warm-up) and naiveSchedule (highest priority
// first, each as early as capacity allows, contracts ignored) in the same run, and reports both
// plans' cost figures and how much lower the proposal's is. Writes bench/results/planner.json.
//
// Usage: node bench/planner.js [--runs=N] [--fold]   (or BENCH_RUNS=N; default 15)
// --fold also writes the figures into bench/results/latest.json (as `npm run bench` does),
// without re-running the other benchmarks.
// The planner is TypeScript: esbuild (installed with Vite) bundles it to bench/tmp first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { summarise } from './support/stats.js';
import { loadBundle, pad, random, readRuns } from './support/common.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'bench', 'results', 'planner.json');
export const SIZE = { areas: 60, contracts: 300, dependencies: 20, capacity: 3, horizonYears: 10 };

function loadPlanner() {
  return loadBundle('planner', `export * from './src/lib/domain/planner/index.ts';`);
}

/** The generated programme, as the planner's input. */
export function generateInput(planner) {
  const rand = random(20280401);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sizes = ['s', 's', 'm', 'm', 'm', 'l', 'xl'];
  const areas = Array.from({ length: SIZE.areas }, (_, i) => {
    const size = pick(sizes);
    return {
      id: `area-${pad(i)}`,
      name: `Service area ${pad(i)}`,
      priority: 1 + Math.floor(rand() * 5),
      size,
      phases: planner.SIZE_PHASES[size],
      dependsOn: [],
      contracts: []
    };
  });
  for (let d = 0; d < SIZE.dependencies; d++) {
    // Always from a lower index to a higher one: no circles.
    const a = Math.floor(rand() * (SIZE.areas - 1));
    const b = a + 1 + Math.floor(rand() * (SIZE.areas - a - 1));
    if (!areas[b].dependsOn.includes(areas[a].id)) areas[b].dependsOn.push(areas[a].id);
  }
  for (let c = 0; c < SIZE.contracts; c++) {
    const area = areas[c < SIZE.areas ? c : Math.floor(rand() * SIZE.areas)];
    const terms = {
      startDate: null,
      endDate: `${2028 + Math.floor(rand() * 10)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`,
      noticePeriodValue: 3,
      noticePeriodUnit: 'months',
      maxEndDate: null,
      extensionOptions: Array.from({ length: Math.floor(rand() * 3) }, () => ({
        lengthMonths: pick([12, 24]),
        exercised: rand() < 0.3
      }))
    };
    area.contracts.push(
      planner.bindingContract({
        ...terms,
        id: `contract-${c}`,
        reference: `C-${c}`,
        title: `Contract ${c}`
      })
    );
  }
  return {
    settings: {
      vestingDate: '2028-04-01',
      horizonYears: SIZE.horizonYears,
      capacity: SIZE.capacity,
      stabilisationMonths: 12
    },
    capacityByYear: {},
    areas
  };
}

function time(fn, runs) {
  const wall = [];
  const cpu = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    result = fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { result, wallMs: summarise(wall, 1), cpuMs: summarise(cpu, 1) };
}

/** The part of the result bench/results/latest.json keeps. */
export function plannerForLatest(summary) {
  return {
    date: summary.date,
    size: summary.size,
    proposeMs: summary.proposeMs,
    proposeCpuMs: summary.proposeCpuMs,
    naiveMs: summary.naiveMs,
    proposed: summary.proposed,
    naive: summary.naive,
    lowerByPercent: summary.lowerByPercent
  };
}

const lowerBy = (ours, theirs) =>
  theirs === 0 ? (ours === 0 ? 0 : -100) : Math.round(((theirs - ours) / theirs) * 1000) / 10;

async function main() {
  const runs = readRuns(15);
  const planner = await loadPlanner();
  const input = generateInput(planner);
  for (let i = 0; i < 2; i++) planner.proposeRoadmap(input);
  const proposed = time(() => planner.proposeRoadmap(input), runs);
  const naive = time(() => planner.naiveSchedule(input), runs);
  const ours = proposed.result.cost;
  const theirs = naive.result.cost;
  const figures = Object.keys(ours);
  const summary = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    size: SIZE,
    runs,
    proposeMs: proposed.wallMs,
    proposeCpuMs: proposed.cpuMs,
    naiveMs: naive.wallMs,
    proposed: ours,
    naive: theirs,
    /** Percent by which the proposal's figure is lower than the naive plan's (negative: higher). */
    lowerByPercent: Object.fromEntries(figures.map((f) => [f, lowerBy(ours[f], theirs[f])])),
    bindingConstraints: proposed.result.items.reduce(
      (n, i) => ({ ...n, [i.binding]: (n[i.binding] ?? 0) + 1 }),
      {}
    )
  };
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `proposeRoadmap (${SIZE.areas} areas, ${SIZE.contracts} contracts, capacity ${SIZE.capacity}): median ${summary.proposeMs.median} ms (min ${summary.proposeMs.min}, max ${summary.proposeMs.max}) over ${runs} runs; naive ${summary.naiveMs.median} ms`
  );
  console.log('figure                     proposed     naive   lower by');
  for (const f of figures) {
    console.log(
      `${f.padEnd(26)} ${String(ours[f]).padStart(8)} ${String(theirs[f]).padStart(9)} ${String(summary.lowerByPercent[f]).padStart(8)}%`
    );
  }
  console.log(`written to ${path.relative(root, resultsFile)}`);
  const latestFile = path.join(root, 'bench', 'results', 'latest.json');
  if (process.argv.includes('--fold') && fs.existsSync(latestFile)) {
    const latest = JSON.parse(fs.readFileSync(latestFile, 'utf8'));
    latest.planner = plannerForLatest(summary);
    fs.writeFileSync(latestFile, `${JSON.stringify(latest, null, 2)}\n`);
    console.log(`folded into ${path.relative(root, latestFile)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
