// `npm run bench:check`: compares bench/results/latest.json with bench/budgets.json and names
// every budget missed, with the measured figure. Exits 1 when any is missed (or not measured).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sameAtEverySize } from './support/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, 'bench', file), 'utf8'));

/** Each budget as { name, limit, measured, ok }: pure, so it can be read and tested alone. */
export function evaluateBudgets(budgets, latest) {
  const results = [];
  const add = (name, limit, measured, ok) =>
    results.push({ name, limit, measured: measured ?? 'not measured', ok: measured != null && ok });
  const pages = latest.server?.pages ?? {};
  const b = budgets.pagesAtLarge;
  for (const name of b.pages) {
    const page = pages[name];
    const ratio = page?.ratioToTrivial?.median;
    const p95 = page?.p95Ms?.median;
    add(
      `${name}: requests/s ≥ ${b.minRatioToTrivial * 100}% of the trivial route`,
      b.minRatioToTrivial,
      ratio,
      ratio >= b.minRatioToTrivial
    );
    add(`${name}: p95 under ${b.maxP95Ms} ms`, b.maxP95Ms, p95, p95 < b.maxP95Ms);
  }
  // Statements per page load at every generated size (bench/support/queries.js): the same
  // number at `small` and `large`, just after a change and on a repeat load.
  if (budgets.queriesPerPage?.sameAtEverySize) {
    const queries = latest.server?.queriesPerPage ?? {};
    for (const name of b.pages) {
      const bySize = queries[name];
      const measured = bySize
        ? Object.entries(bySize)
            .map(([size, c]) => `${size} ${c.afterChange}/${c.repeat}`)
            .join(', ')
        : undefined;
      add(
        `${name}: SQL statements per load the same at every size`,
        'equal',
        measured,
        bySize != null && sameAtEverySize(bySize)
      );
    }
  }
  // The engine's own CPU time: wall-clock time on a shared machine mostly measures the others.
  const checks = latest.checks?.evaluateChecksCpuMs?.median;
  add(
    `checks engine under ${budgets.checksEngineMaxMs} ms (CPU time, median)`,
    budgets.checksEngineMaxMs,
    checks,
    checks < budgets.checksEngineMaxMs
  );
  // The load test measures what the roadmap page ships; the timeline benchmark too, alone.
  const roadmapJs = pages.roadmap?.shipped?.jsKbGz ?? latest.timeline?.roadmapJs?.jsKbGz;
  add(
    `roadmap JavaScript under ${budgets.roadmapMaxJsKbGz} KB gzipped`,
    budgets.roadmapMaxJsKbGz,
    roadmapJs,
    roadmapJs < budgets.roadmapMaxJsKbGz
  );
  // The roadmap timeline against each other library, at each size, on each measure: the
  // median of ours / theirs paired by run must be under 1.
  const t = budgets.timeline;
  const names = { firstRenderMs: 'first render', zoomFrameMs: 'zoom', dragFrameMs: 'drag' };
  for (const size of t?.sizes ?? []) {
    const measured = latest.timeline?.sizes?.[size];
    for (const other of t.oursFasterThan) {
      for (const m of t.measures) {
        const ratio = measured?.oursOverTheirs?.[other]?.[m]?.median;
        add(
          `timeline, ${measured?.label ?? `${size} items`}: ${names[m] ?? m} faster than ${other} (ours / theirs under 1)`,
          1,
          ratio,
          ratio < 1
        );
      }
    }
  }
  const rss = latest.server?.serverPeakRssMb;
  add(
    `server peak RSS under ${budgets.serverMaxPeakRssMb} MB`,
    budgets.serverMaxPeakRssMb,
    rss,
    rss < budgets.serverMaxPeakRssMb
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const latest = read('results/latest.json');
  const results = evaluateBudgets(read('budgets.json'), latest);
  for (const r of results) console.log(`${r.ok ? 'met   ' : 'MISSED'}  ${r.name}: ${r.measured}`);
  const missed = results.filter((r) => !r.ok);
  console.log(
    `\n${results.length - missed.length} of ${results.length} budgets met (results of ${latest.date}, load average ${latest.loadAverage?.atStart?.join(', ')}).`
  );
  if (missed.length) {
    console.log(`Missed: ${missed.map((r) => r.name).join('; ')}.`);
    process.exitCode = 1;
  }
}
