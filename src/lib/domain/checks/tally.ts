import type { CheckContext } from './context';
import { countStatuses, plural, worst } from './status';
import type { CheckStatus, Finding, StatusCounts, SuccessorStatus } from './types';

/**
 * Collects per-successor outcomes as a check walks its records. A successor with nothing
 * recorded against it is "not known", never a pass.
 */
export class SuccessorTally {
  private readonly entries = new Map<string, CheckStatus[]>();

  constructor(private readonly ctx: CheckContext) {}

  add(successorIds: readonly string[], status: CheckStatus) {
    for (const id of successorIds) {
      const list = this.entries.get(id);
      if (list) list.push(status);
      else this.entries.set(id, [status]);
    }
  }

  /** `describe` turns a successor's counts into its one-line summary. */
  results(describe: (counts: StatusCounts, total: number) => string): SuccessorStatus[] {
    return this.ctx.successors.map((s) => {
      const list = this.entries.get(s.id) ?? [];
      const counts = countStatuses(list);
      return {
        successorId: s.id,
        name: s.name,
        status: list.length === 0 ? 'unknown' : worst(list),
        summary: list.length === 0 ? 'Nothing recorded yet' : describe(counts, list.length)
      };
    });
  }
}

export function finding(
  severity: Finding['severity'],
  label: string,
  href: string | null,
  detail: string,
  sortKey?: string
): Finding {
  return sortKey === undefined
    ? { severity, label, href, detail }
    : { severity, label, href, detail, sortKey };
}

/** "4 of 6 councils on track; 1 failing; 1 not known", for summaries and successor lines. */
export function describeCounts(counts: StatusCounts, total: number, noun: string): string {
  const parts = [`${counts.pass} of ${plural(total, noun)} on track`];
  if (counts.fail) parts.push(`${counts.fail} failing`);
  if (counts.warn) parts.push(`${plural(counts.warn, 'warning')}`);
  if (counts.unknown) parts.push(`${counts.unknown} not known`);
  return parts.join('; ');
}
