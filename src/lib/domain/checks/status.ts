import type { CheckStatus, Finding, StatusCounts, Verdict } from './types';

/**
 * How statuses combine: a failure outweighs everything; not knowing outweighs a warning,
 * because an unknown could hide a failure; a pass only stands when everything passes.
 */
const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, unknown: 2, fail: 3 };

export function worst(statuses: Iterable<CheckStatus>): CheckStatus {
  let out: CheckStatus = 'pass';
  for (const s of statuses) if (RANK[s] > RANK[out]) out = s;
  return out;
}

/** The status a set of findings gives: pass with none, otherwise the worst severity. */
export function statusOf(findings: readonly Finding[]): CheckStatus {
  return worst(findings.map((f) => f.severity));
}

/** Most urgent first, then by sort key (dates sort as text), then by label. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Plain code-unit comparison, not localeCompare: keys are ISO dates or padded numbers, and
  // a programme can have thousands of findings.
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] ||
      text(a.sortKey ?? '', b.sortKey ?? '') ||
      text(a.label, b.label)
  );
}

export function countStatuses(statuses: Iterable<CheckStatus>): StatusCounts {
  const counts: StatusCounts = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/**
 * The one answer for leadership: not ready with any failure; not enough data while anything
 * is unknown (we will not call a programme ready on missing facts); at risk with warnings.
 */
export function verdictOf(statuses: Iterable<CheckStatus>): Verdict {
  const status = worst(statuses);
  if (status === 'fail') return 'not-ready';
  if (status === 'unknown') return 'not-enough-data';
  if (status === 'warn') return 'at-risk';
  return 'ready';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
