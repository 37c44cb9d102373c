import type { CheckContext } from './context';
import { judgeCutover } from './cutover';
import { countStatuses, statusOf } from './status';
import { describeCounts, finding, SuccessorTally } from './tally';
import type { CheckResult, CheckStatus, Finding } from './types';

/**
 * One finance system per successor by day one: each successor has a designated system from
 * the inventory, and every predecessor's finance has moved to it (or is hosted by another
 * council under an agreement) by vesting day, so suppliers and staff get paid.
 */
export function financeCheck(ctx: CheckContext): CheckResult {
  const findings: Finding[] = [];
  const tally = new SuccessorTally(ctx);
  const { href } = ctx;
  const systemIds = new Set(ctx.snapshot.systems.map((s) => s.id));
  const statuses: CheckStatus[] = [];
  let known = 0;

  for (const s of ctx.successors) {
    const systemId = ctx.factsOf(s.id).financeSystemId;
    let status: CheckStatus = 'pass';
    if (!systemId) {
      status = 'unknown';
      findings.push(
        finding('unknown', s.name, href.councilFacts(s.id), 'No day-one finance system designated')
      );
    } else if (!systemIds.has(systemId)) {
      status = 'unknown';
      findings.push(
        finding(
          'unknown',
          s.name,
          href.councilFacts(s.id),
          'The designated finance system is no longer in the inventory'
        )
      );
    } else known += 1;
    statuses.push(status);
    tally.add([s.id], status);
  }

  for (const p of ctx.predecessors) {
    const f = ctx.factsOf(p.id);
    const link = href.councilFacts(p.id);
    let status: CheckStatus = 'pass';
    const add = (severity: Finding['severity'], detail: string, sortKey?: string) => {
      status = severity;
      findings.push(finding(severity, p.name, link, detail, sortKey));
    };
    if (f.financeMove) known += 1;
    if (f.financeMove === 'not_planned') {
      add('fail', 'No move of finance to the successor’s system is planned');
    } else if (f.financeMove === 'migrated' || f.financeMove === 'hosted') {
      const what =
        f.financeMove === 'migrated'
          ? 'Finance moves to the successor’s system'
          : `Finance hosted by ${ctx.councilById.get(f.financeHostCouncilId ?? '')?.name ?? 'another council'} under an agreement`;
      if (!f.financeDate) add('unknown', `${what}, but no date recorded`);
      else {
        const judged = judgeCutover(ctx, f.financeDate, what, false);
        if (judged) add(judged.severity, judged.detail, f.financeDate);
        else if (f.financeMove === 'hosted') {
          add(
            'warn',
            `${what}: workable for day one, but not yet one finance system`,
            f.financeDate
          );
        }
      }
    } else {
      add('unknown', 'How finance moves is not recorded');
    }
    statuses.push(status);
    tally.add(ctx.successorIdsFor(p.id), status);
  }

  const total = ctx.successors.length + ctx.predecessors.length;
  return {
    id: 'finance',
    theme: 'day-one',
    title: 'One finance system per successor by day one',
    status: ctx.successors.length === 0 || known === 0 ? 'unknown' : statusOf(findings),
    summary:
      total === 0
        ? 'No councils recorded'
        : `${describeCounts(countStatuses(statuses), total, 'council')} for one finance system by vesting day`,
    findings,
    principle:
      'On day one the new council must pay staff and suppliers and collect income from one set of books.',
    howToFix:
      'Designate each successor’s day-one finance system from the inventory, and record for each predecessor how and when its finance moves. A hosting agreement can bridge day one, but plan the move.',
    perSuccessor: tally.results((c, n) => describeCounts(c, n, 'record'))
  };
}
