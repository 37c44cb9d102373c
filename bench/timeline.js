// The roadmap timeline in headless Chromium, against dhtmlx-gantt and frappe-gantt.
//
//   1. generates three programmes (bench/generate.js, the `small` programme with a roadmap of
//      its own) in a throwaway PostgreSQL database: 300 items with 2,000 contract end markers,
//      1,000 items and 5,000 items; starts the built app (build/) on it;
//   2. reads each roadmap as the page itself gets it (its SvelteKit load data), and serves the
//      same items, lanes, phases, contract ends and dependencies to two static pages
//      (bench/timeline/) that draw them with dhtmlx-gantt (community edition) and frappe-gantt;
//   3. up to RUNS rounds (a round after the first only within --budget seconds of the start)
//      of each of the three at every size, each visit in a fresh browser context that first
//      opens a page of the same origin (see measureVisit):
//      - first render: from navigation start to the end of the first frame that shows the
//        bars (ours is drawn on the server, so this includes the server's work);
//      - interactive (ours only differs): when our bars have their event handlers (hydrated);
//      - zoom: Ctrl + wheel over the chart (what a pinch sends), from the event to the end of
//        the last frame that changed the page (waiting until 6 frames pass without a change),
//        zooming in one step and out again (the slower of the two); each library's own zoom (ours: continuous; dhtmlx: its zoom
//        extension's levels; frappe: its view modes, as it has no zoom of its own);
//      - drag: a bar dragged by the mouse in 3 moves of 30 px and back (so nothing is saved),
//        each move timed like a zoom (the median move); the visit fails if the bar did not
//        follow the pointer (a library can refuse a move, see PAGES);
//   4. the JavaScript the roadmap page ships, gzipped (the build's client manifest);
//   5. writes bench/results/timeline.json and prints a table with ours / theirs ratios.
//
// Usage: node bench/timeline.js [--runs=3] [--budget=180] [--timeout=300]
//        [--sizes=300,1000,5000]   (needs a build: npm run build)
// PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres (a database is created and dropped).
import { chromium } from '@playwright/test';
import { unflatten } from 'devalue';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { generate } from './generate.js';
import { readManifest, shippedBy } from './support/bundles.js';
import { freePort, root, startApp, stopApp } from './support/server.js';
import { LIBRARIES, summariseTimeline, timelineReport } from './support/timeline-report.js';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const RUNS = option('runs', 3);
// Rounds after the first start only within this many seconds of the start (see below).
const BUDGET_SECONDS = option('budget', 180);
// --sizes=300,1000 measures only those (a quicker look; the table then has only those).
const only = args
  .find((a) => a.startsWith('--sizes='))
  ?.slice(8)
  .split(',');
const started = Date.now();
const log = (message) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

const ALL_SIZES = [
  {
    key: '300',
    label: '300 items, 2,000 contract markers',
    roadmap: { items: 300, dependencies: 400, contractLinks: 2000 }
  },
  {
    key: '1000',
    label: '1,000 items',
    roadmap: { items: 1000, dependencies: 1000, contractLinks: 1000 }
  },
  {
    key: '5000',
    label: '5,000 items',
    roadmap: { items: 5000, dependencies: 5000, contractLinks: 5000 }
  }
];

const TIMELINE_SIZES = ALL_SIZES.filter((s) => !only || only.includes(s.key));

/**
 * Selectors each page is driven by. Ours are the roadmap timeline's stable class names: the
 * bars (`.vd-bar`, `.vd-bar__link` with its `.vd-bar__outline` rect) and the scrolling chart
 * (`.vd-timeline__scroller`, where Ctrl + wheel zooms). `id` is the bar's attribute naming its
 * item; `rest` is where that bar is drawn before the drag and `drawn` where it is drawn while
 * dragged (`{id}` is replaced by the item's id): the drag must move it, or its timings are not
 * a drag's.
 *
 * frappe-gantt refuses to move a bar to before the start of one of its predecessors, and the
 * generated dependencies often point backwards, so it is given a bar with no dependencies
 * either way (`bench-free`, marked by bench/timeline/frappe.html): it would otherwise move the
 * bar's successors with it, more work than the others do on a drag.
 */
const PAGES = {
  ours: {
    bar: '.vd-bar__link',
    grab: '.vd-bar__outline',
    chart: '.vd-timeline__scroller',
    id: 'data-item',
    rest: '.vd-bar__link[data-item="{id}"] .vd-bar__outline',
    // While the pointer drags it, the bar is drawn on a layer of its own (the bar stays put).
    drawn: '.vd-timeline__drag-layer .vd-bar__outline'
  },
  'dhtmlx-gantt': {
    bar: '.gantt_task_line',
    grab: '.gantt_task_line:not(.gantt_project)',
    chart: '.gantt_task',
    id: 'data-task-id',
    rest: '.gantt_task_line[data-task-id="{id}"]',
    drawn: '.gantt_task_line[data-task-id="{id}"]'
  },
  'frappe-gantt': {
    bar: '.bar-wrapper',
    grab: '.bar-wrapper.bench-free .bar',
    chart: '.gantt-container',
    id: 'data-id',
    rest: '.bar-wrapper[data-id="{id}"] .bar',
    drawn: '.bar-wrapper[data-id="{id}"] .bar'
  }
};

/** The left edge on screen of what `selector` finds for item `id`, or null if nothing. */
function leftOf(page, selector, id) {
  return page.evaluate(
    (s) => document.querySelector(s)?.getBoundingClientRect().left ?? null,
    selector.replace('{id}', id)
  );
}

const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
};

// ---- in the page ----------------------------------------------------------------------

/**
 * Runs before any page script: records the end of the first frame that shows a bar, and
 * when our bars get their (delegated) event handlers, and offers `__benchNext(type)`, which
 * times the next event of that type to the end of the last frame that changed the page.
 */
function instrument({ selector, hydrates }) {
  const bench = { firstRender: null, interactive: hydrates ? null : 'n/a' };
  window.__bench = bench;
  // Runs after the frame's rendering work: a task queued from requestAnimationFrame.
  const afterFrame = (fn) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => fn(performance.now());
      channel.port2.postMessage(0);
    });
  let seen = false;
  let handled = false;
  const watch = () =>
    requestAnimationFrame(() => {
      const bar = document.querySelector(selector);
      if (bar && !seen) {
        seen = true;
        afterFrame((t) => (bench.firstRender = t));
      }
      // Svelte 5 delegates these events: the handlers are kept on the element under a
      // symbol (a server-rendered element has no symbol-keyed properties until hydrated).
      if (bar && hydrates && !handled && Object.getOwnPropertySymbols(bar).length > 0) {
        handled = true;
        afterFrame((t) => (bench.interactive = t));
      }
      if (!seen || (hydrates && !handled)) watch();
    });
  watch();

  window.__benchNext = (type, limitMs) =>
    new Promise((resolve, reject) => {
      addEventListener(
        type,
        () => {
          const t0 = performance.now();
          let last = t0;
          let changes = 0;
          let dirty = false;
          let quiet = 0;
          const observer = new MutationObserver((list) => {
            changes += list.length;
            dirty = true;
          });
          observer.observe(document.documentElement, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true
          });
          const frame = () =>
            afterFrame((now) => {
              if (dirty) {
                last = now;
                dirty = false;
                quiet = 0;
              } else quiet += 1;
              if (now - t0 > limitMs) {
                observer.disconnect();
                reject(new Error(`The page was still changing ${limitMs} ms after a ${type}`));
              } else if (quiet >= 6) {
                observer.disconnect();
                resolve({ ms: last - t0, changes });
              } else frame();
            });
          frame();
        },
        { capture: true, once: true }
      );
    });
}

// ---- the static comparison pages ------------------------------------------------------

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function staticServer(data) {
  const mounts = {
    '/timeline/': path.join(root, 'bench', 'timeline'),
    '/lib/dhtmlx/': path.join(root, 'node_modules', 'dhtmlx-gantt', 'codebase'),
    '/lib/frappe/': path.join(root, 'node_modules', 'frappe-gantt', 'dist')
  };
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/blank') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Start</title>');
      return;
    }
    const json = /^\/data\/(\w+)\.json$/.exec(url.pathname);
    if (json && data[json[1]]) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(data[json[1]]);
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = path.join(dir, path.normalize(url.pathname.slice(prefix.length)));
      if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'
      });
      fs.createReadStream(file).pipe(response);
      return;
    }
    response.writeHead(404).end();
  });
}

/** The roadmap as the page loads it (its SvelteKit data), in the comparison pages' terms. */
async function roadmapData(pageUrl, cookie) {
  const response = await fetch(`${pageUrl}/__data.json`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${pageUrl}/__data.json answered ${response.status}`);
  const body = await response.json();
  const nodes = body.nodes.map((n) => (n?.type === 'data' ? unflatten(n.data) : null));
  const page = nodes.find((n) => n?.view);
  if (!page) throw new Error(`No roadmap view in ${pageUrl}/__data.json`);
  const { view } = page;
  // The page's data has one page of the timeline; every item comes as one JSON text beside it.
  const all = page.timeline ? JSON.parse(page.timeline) : view;
  return {
    from: view.window.from,
    to: view.window.to,
    lanes: view.lanes,
    items: all.items.map((i) => ({
      id: i.id,
      title: i.title,
      lane: i.serviceAreaId ?? 'none',
      startDate: i.startDate,
      alphaStart: i.alphaStart,
      betaStart: i.betaStart,
      liveStart: i.liveStart,
      endDate: i.endDate,
      contractEnds: i.contractEnds.map((c) => ({ reference: c.reference, date: c.date }))
    })),
    dependencies: all.dependencies.map((d) => ({
      predecessorId: d.predecessorId,
      successorId: d.successorId
    }))
  };
}

// ---- one measured visit -----------------------------------------------------------------

// A visit (load, drag and zoom) that takes longer than this counts as failed.
const TIMEOUT = option('timeout', 300) * 1000;

/**
 * A point on a bar in view, where a press lands on the bar itself (clear of our sticky lane
 * labels), with the bar's item id, or null. The chart is scrolled to the top of the window first (ours sits below the
 * page's heading); if no bar is in view, one is scrolled into the middle of the chart.
 */
async function grabPoint(page, { grab, bar, chart, id }) {
  return page.evaluate(
    ({ grab, bar, chart, id }) => {
      document.querySelector(chart)?.scrollIntoView({ block: 'start' });
      const candidates = [...document.querySelectorAll(grab)].filter(
        (el) => el.getBoundingClientRect().width >= 40
      );
      const hit = (el) => {
        const r = el.getBoundingClientRect();
        const x = r.left + Math.min(30, r.width / 2);
        const y = r.top + r.height / 2;
        if (x < 260 || x > innerWidth - 160 || y < 80 || y > innerHeight - 40) return null;
        // The press must land on this bar (the one chosen by `grab`), not one drawn over it.
        const found = document.elementFromPoint(x, y)?.closest(bar);
        return found?.contains(el) ? { x, y, id: found.getAttribute(id) } : null;
      };
      for (const el of candidates) {
        const at = hit(el);
        if (at) return at;
      }
      for (const el of candidates.slice(0, 50)) {
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const at = hit(el);
        if (at) return at;
      }
      return null;
    },
    { grab, bar, chart, id }
  );
}

/** Times one input: `act` sends it, the page reports the time to its last changed frame. */
async function timed(page, type, act) {
  const result = page.evaluate(([t, limit]) => window.__benchNext(t, limit), [type, TIMEOUT]);
  result.catch(() => {}); // awaited below: this only stops an early failure counting as unhandled
  // The listener is in place once this round trip has run after it.
  await page.evaluate(() => 0);
  await act();
  return result;
}

/** One visit, failed if it takes longer than TIMEOUT in all (closing its page stops it). */
async function visit(browser, library, url, cookie) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  let timer;
  const work = measureVisit(context, library, url, cookie);
  work.catch(() => {}); // raced below; a failure after the time limit is not unhandled
  try {
    return await Promise.race([
      work,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the visit took over ${TIMEOUT / 1000} s`)),
          TIMEOUT
        );
      })
    ]);
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

async function measureVisit(context, library, url, cookie) {
  const selectors = PAGES[library];
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url }]);
  }
  await context.addInitScript(instrument, {
    selector: selectors.bar,
    hydrates: library === 'ours'
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  // The visit starts on a page of the same origin, as a reader of the roadmap would arrive from
  // another page of the app (or reload it). Navigating from the new tab's about:blank instead,
  // the browser must swap processes for a page that sends Cross-Origin-Opener-Policy (ours
  // does; the static comparison pages do not), which cost our first render 50-140 ms on this
  // machine and is no part of drawing a timeline.
  await page.goto(new URL(library === 'ours' ? '/healthz' : '/blank', url).href);
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
  await page.waitForFunction(() => window.__bench.firstRender !== null, null, {
    timeout: TIMEOUT
  });
  if (library === 'ours') {
    await page.waitForFunction(() => window.__bench.interactive !== null, null, {
      timeout: TIMEOUT
    });
  }
  await page.waitForLoadState('networkidle');
  const bench = await page.evaluate(() => window.__bench);
  const firstRenderMs = bench.firstRender;
  const interactiveMs = library === 'ours' ? bench.interactive : firstRenderMs;

  // Drag: press on a bar, 3 moves of 30 px and 3 back, then let go where it started.
  const at = await grabPoint(page, selectors);
  if (!at) throw new Error(`${library}: no bar in view to drag at ${url}`);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  const drag = [];
  const offsets = [30, 60, 90, 60, 30, 0];
  const before = await leftOf(page, selectors.rest, at.id);
  let furthest = null;
  for (const dx of offsets) {
    drag.push(await timed(page, 'pointermove', () => page.mouse.move(at.x + dx, at.y)));
    if (dx === 90) furthest = await leftOf(page, selectors.drawn, at.id);
  }
  await page.mouse.up();
  // Each move is timed to the last frame that changed the page, and a page can change without
  // the bar moving (frappe-gantt hides its popup on every move): the bar must have followed the
  // pointer most of the 90 px (each snaps to a month or so, 10 to 30 px here).
  if (before === null) throw new Error(`${library}: the bar to drag (${at.id}) was not found`);
  if (furthest === null) throw new Error(`${library}: the dragged bar was not drawn while dragged`);
  if (furthest - before < 45) {
    throw new Error(`${library}: the drag moved the bar it held only ${furthest - before} px`);
  }

  // Zoom: Ctrl + wheel over the chart, in and out again.
  const box = await page.locator(selectors.chart).first().boundingBox();
  await page.mouse.move(box.x + Math.min(640, box.width / 2), box.y + 150);
  const zoom = [];
  await page.keyboard.down('Control');
  for (const deltaY of [-100, 100]) {
    const z = await timed(page, 'wheel', () => page.mouse.wheel(0, deltaY));
    if (z.changes === 0) throw new Error(`${library}: a Ctrl + wheel zoomed nothing`);
    zoom.push(z);
  }
  await page.keyboard.up('Control');
  const median = (list) => list.map((d) => d.ms).sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const slowest = (list) => Math.max(...list.map((d) => d.ms));
  return {
    firstRenderMs,
    interactiveMs,
    zoomFrameMs: slowest(zoom),
    dragFrameMs: median(drag)
  };
}

// ---- the whole benchmark ----------------------------------------------------------------

async function measureAll(databaseUrl) {
  const programmes = {};
  for (const size of TIMELINE_SIZES) {
    const t = Date.now();
    programmes[size.key] = await generate('small', {
      databaseUrl,
      roadmap: size.roadmap,
      name: `Timeline bench ${size.key}`
    });
    log(`generated "${size.label}" in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const app = await startApp(databaseUrl);
  const data = {};
  let shipped = null;
  const urls = {};
  const counts = {};
  let statics;
  let browser;
  try {
    for (const size of TIMELINE_SIZES) {
      const p = programmes[size.key];
      urls[size.key] = `${app.base}/programmes/${p.slug}/roadmap`;
      const roadmap = await roadmapData(urls[size.key], p.cookie);
      counts[size.key] = {
        items: roadmap.items.length,
        contractMarkers: roadmap.items.reduce((n, i) => n + i.contractEnds.length, 0),
        dependencies: roadmap.dependencies.length,
        lanes: roadmap.lanes.length
      };
      data[size.key] = JSON.stringify(roadmap);
      if (!shipped) {
        const html = await (await fetch(urls[size.key], { headers: { cookie: p.cookie } })).text();
        shipped = shippedBy(html, readManifest());
      }
    }
    log(`roadmaps read: ${JSON.stringify(counts)}`);
    statics = staticServer(data);
    const port = await freePort();
    await new Promise((resolve) => statics.listen(port, '127.0.0.1', resolve));
    const staticBase = `http://127.0.0.1:${port}`;
    browser = await chromium.launch(CHROMIUM);

    const samples = Object.fromEntries(
      TIMELINE_SIZES.map((size) => [size.key, Object.fromEntries(LIBRARIES.map((l) => [l, []]))])
    );
    // Round by round over every size: the first round always runs in full; a further round
    // starts only while the run is within its time budget, so a slow (loaded) machine gets
    // fewer rounds rather than a run of many minutes.
    for (let run = 1; run <= RUNS; run++) {
      if (run > 1 && Date.now() - started > BUDGET_SECONDS * 1000) {
        log(`over the ${BUDGET_SECONDS} s budget: no round ${run}`);
        break;
      }
      for (const size of TIMELINE_SIZES) {
        // A different order each round, so no library always follows the same one.
        const order = LIBRARIES.map((_, i) => LIBRARIES[(i + run - 1) % LIBRARIES.length]);
        for (const library of order) {
          const url =
            library === 'ours'
              ? urls[size.key]
              : `${staticBase}/timeline/${library === 'dhtmlx-gantt' ? 'dhtmlx' : 'frappe'}.html?size=${size.key}`;
          const cookie = library === 'ours' ? programmes[size.key].cookie : null;
          const earlier = samples[size.key][library];
          // A library that failed (timed out) once at a size is not tried again at that size.
          if (earlier.some((r) => r.error)) {
            earlier.push({ error: earlier.find((r) => r.error).error });
            continue;
          }
          const r = await visit(browser, library, url, cookie).catch((error) => ({
            error: String(error.message ?? error).split('\n')[0]
          }));
          earlier.push(r);
          if (r.error) {
            log(`${size.label}, run ${run}/${RUNS}, ${library}: FAILED: ${r.error}`);
            continue;
          }
          log(
            `${size.label}, run ${run}/${RUNS}, ${library}: first render ${r.firstRenderMs.toFixed(0)} ms` +
              (library === 'ours' ? ` (interactive ${r.interactiveMs.toFixed(0)} ms)` : '') +
              `, zoom ${r.zoomFrameMs.toFixed(1)} ms, drag ${r.dragFrameMs.toFixed(1)} ms`
          );
        }
      }
    }
    return { samples, counts, shipped };
  } finally {
    await browser?.close();
    statics?.close();
    await stopApp(app.child);
  }
}

async function main() {
  const loadAtStart = load();
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const dbName = `vd_bench_timeline_${process.pid}`;
  let measured;
  try {
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    measured = await measureAll(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  }
  const versions = Object.fromEntries(
    ['dhtmlx-gantt', 'frappe-gantt'].map((name) => [
      name,
      JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'))
        .version
    ])
  );
  const timeline = {
    date: new Date().toISOString(),
    node: process.version,
    chromium: CHROMIUM.executablePath,
    versions,
    runs: RUNS,
    rounds: Math.min(...Object.values(measured.samples).map((s) => s.ours.length)),
    budgetSeconds: BUDGET_SECONDS,
    loadAverage: { atStart: loadAtStart, atEnd: load() },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    counts: measured.counts,
    roadmapJs: measured.shipped,
    sizes: summariseTimeline(TIMELINE_SIZES, measured.samples)
  };
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'timeline.json'), `${JSON.stringify(timeline, null, 2)}\n`);
  console.log(`\n${timelineReport(timeline)}\n\nWritten to bench/results/timeline.json`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
