// The timeline benchmark's figures (bench/timeline.js): summaries, ratios and the printed table.
import { spread, summarise, table } from './stats.js';

export const LIBRARIES = ['ours', 'dhtmlx-gantt', 'frappe-gantt'];
/** The measures ours must win on: time to first render, a zoom's and a drag move's frames. */
export const METRICS = ['firstRenderMs', 'zoomFrameMs', 'dragFrameMs'];
const LABELS = { firstRenderMs: 'first render', zoomFrameMs: 'zoom', dragFrameMs: 'drag' };

/**
 * Per size: each library's median (min–max) of every measure, and ours / theirs ratios paired
 * by run. A visit that failed (timed out) is `{ error }`: its measures are left out, and a
 * ratio needs both runs measured; a measure with no samples is null (reported as not measured).
 */
export function summariseTimeline(sizes, samples) {
  const out = {};
  const ok = (r) => r && !r.error;
  const summary = (values, places) => (values.length ? summarise(values, places) : null);
  for (const size of sizes) {
    const s = samples[size.key];
    const libraries = {};
    for (const library of LIBRARIES) {
      const runs = s[library];
      libraries[library] = {
        ...Object.fromEntries(
          [...METRICS, 'interactiveMs'].map((m) => [
            m,
            summary(
              runs.filter(ok).map((r) => r[m]),
              1
            )
          ])
        ),
        errors: [...new Set(runs.filter((r) => !ok(r)).map((r) => r.error))]
      };
    }
    const ratios = {};
    for (const other of LIBRARIES.slice(1)) {
      ratios[other] = Object.fromEntries(
        METRICS.map((m) => [
          m,
          summary(
            s.ours.flatMap((r, i) => (ok(r) && ok(s[other][i]) ? [r[m] / s[other][i][m]] : [])),
            2
          )
        ])
      );
    }
    out[size.key] = { label: size.label, libraries, oursOverTheirs: ratios };
  }
  return out;
}

const cell = (s) => (s ? spread(s) : 'not measured');

/** The printed table. */
export function timelineReport(timeline) {
  const rows = [];
  const notes = [];
  for (const size of Object.values(timeline.sizes)) {
    const l = size.libraries;
    for (const metric of METRICS) {
      rows.push([
        `${size.label}: ${LABELS[metric]}`,
        cell(l.ours[metric]),
        cell(l['dhtmlx-gantt'][metric]),
        cell(l['frappe-gantt'][metric]),
        cell(size.oursOverTheirs['dhtmlx-gantt'][metric]),
        cell(size.oursOverTheirs['frappe-gantt'][metric])
      ]);
    }
    rows.push([`${size.label}: ours interactive`, cell(l.ours.interactiveMs), '', '', '', '']);
    for (const library of LIBRARIES) {
      for (const error of l[library].errors ?? [])
        notes.push(`${size.label}, ${library}: ${error}`);
    }
  }
  return [
    `Roadmap timeline in headless Chromium, ${timeline.rounds ?? timeline.runs} rounds (of ${timeline.runs} asked for), ms, median (min–max); a ratio under 1 means ours is faster:`,
    table(
      ['size: measure', 'ours', 'dhtmlx-gantt', 'frappe-gantt', 'ours/dhtmlx', 'ours/frappe'],
      rows
    ),
    ...notes.map((n) => `Failed: ${n}`),
    `Roadmap page JavaScript: ${timeline.roadmapJs?.jsKbGz ?? '—'} KB gzipped (${timeline.roadmapJs?.jsFiles ?? '—'} files).`
  ].join('\n');
}
