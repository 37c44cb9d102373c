// Medians with their spread, and the printed table.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile of a list of numbers (p from 0 to 100). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n, places) => Math.round(n * 10 ** places) / 10 ** places;

/** { median, min, max, samples } rounded to `places` decimals. */
export function summarise(samples, places = 1) {
  return {
    median: round(median(samples), places),
    min: round(Math.min(...samples), places),
    max: round(Math.max(...samples), places),
    samples: samples.map((s) => round(s, places))
  };
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (r) =>
    r
      .map((cell, c) => (c ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c])))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** "median (min–max)" */
export const spread = (s, unit = '') => `${s.median}${unit} (${s.min}–${s.max})`;

/** Whether a page sends the same number of statements at every size, after a change and on a repeat. */
export const sameAtEverySize = (bySize) =>
  ['afterChange', 'repeat'].every(
    (k) => new Set(Object.values(bySize).map((c) => c[k])).size === 1
  );
