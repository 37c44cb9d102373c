import { line, scaleLinear, scaleUtc } from 'd3';
import type { CheckStatus } from '#lib/domain/checks/types.ts';

/**
 * The readiness trend: one line per status (how many checks failed, were not known, warned,
 * passed) over time. D3 does the maths; TrendChart.svelte draws it.
 */
export interface TrendInput {
  takenAt: Date | string;
  pass: number;
  warn: number;
  fail: number;
  unknown: number;
}

export const TREND_STATUSES: readonly CheckStatus[] = ['fail', 'unknown', 'warn', 'pass'];

export interface TrendLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  lines: {
    status: CheckStatus;
    path: string;
    points: { x: number; y: number; value: number; when: string }[];
  }[];
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC'
});

export function formatTrendDate(value: Date | string): string {
  return DATE.format(typeof value === 'string' ? new Date(value) : value);
}

export function layoutTrend(points: TrendInput[], width = 640, height = 240): TrendLayout {
  const margin = { top: 10, right: 20, bottom: 30, left: 36 };
  const times = points.map((p) => new Date(p.takenAt).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  // A single snapshot still gets an axis: a day either side.
  const span = first === last ? 86_400_000 : 0;
  const x = scaleUtc()
    .domain([new Date(first - span), new Date(last + span)])
    .range([margin.left, width - margin.right]);
  const max = Math.max(1, ...points.flatMap((p) => TREND_STATUSES.map((s) => p[s])));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const draw = line<{ x: number; y: number }>()
    .x((d) => d.x)
    .y((d) => d.y);
  return {
    width,
    height,
    margin,
    xTicks: x.ticks(Math.min(6, Math.max(2, points.length))).map((t) => ({
      x: x(t),
      label: formatTrendDate(t)
    })),
    yTicks: y
      .ticks(Math.min(max, 5))
      .filter((t) => Number.isInteger(t))
      .map((t) => ({ y: y(t), label: String(t) })),
    lines: TREND_STATUSES.map((status) => {
      const pts = points.map((p, i) => ({
        x: x(new Date(times[i]!)),
        y: y(p[status]),
        value: p[status],
        when: formatTrendDate(p.takenAt)
      }));
      return { status, path: draw(pts) ?? '', points: pts };
    })
  };
}
