import type { CheckContext } from './context';
import { countStatuses, plural, worst } from './status';

function worstOf(counts: StatusCounts): CheckStatus {
  return worst((Object.keys(counts) as CheckStatus[]).filter((s) => counts[s] > 0));
}
import type { CheckStatus, Finding, StatusCounts, SuccessorStatus } from './types';

/**
 * Collects per-successor outcomes as a check walks its records. A successor with nothing
 * recorded against it is "not known", never a pass.
 */
export class SuccessorTally {
  private readonly entries = new Map<string, StatusCounts>();

  constructor(private readonly ctx: CheckContext) {}

  add(successorIds: readonly string[], status: CheckStatus) {
    for (const id of successorIds) {
      let counts = this.entries.get(id);
      if (!counts) this.entries.set(id, (counts = countStatuses([])));
      counts[status] += 1;
    }
  }

  private readonly byCouncil = new Map<string, StatusCounts>();

  /**
   * A record of a council: counted per council and passed on to its successors once, at the
   * end, so a loop over 15,000 contracts does one map update each.
   */
  addForCouncil(councilId: string, status: CheckStatus) {
    let counts = this.byCouncil.get(councilId);
    if (!counts) this.byCouncil.set(councilId, (counts = countStatuses([])));
    counts[status] += 1;
  }

  /** `describe` turns a successor's counts into its one-line summary. */
  results(describe: (counts: StatusCounts, total: number) => string): SuccessorStatus[] {
    for (const [councilId, counts] of this.byCouncil) {
      for (const id of this.ctx.successorIdsFor(councilId)) {
        let into = this.entries.get(id);
        if (!into) this.entries.set(id, (into = countStatuses([])));
        into.pass += counts.pass;
        into.warn += counts.warn;
        into.fail += counts.fail;
        into.unknown += counts.unknown;
      }
    }
    this.byCouncil.clear();
    return this.ctx.successors.map((s) => {
      const counts = this.entries.get(s.id);
      const total = counts ? counts.pass + counts.warn + counts.fail + counts.unknown : 0;
      return {
        successorId: s.id,
        name: s.name,
        status: counts && total > 0 ? worstOf(counts) : 'unknown',
        summary: counts && total > 0 ? describe(counts, total) : 'Nothing recorded yet'
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
