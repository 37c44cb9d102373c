import type { CheckContext } from './context';
import { judgeCutover } from './cutover';
import { countStatuses, statusOf } from './status';
import { describeCounts, finding, SuccessorTally } from './tally';
import type { CheckResult, CheckStatus, Finding } from './types';

/**
 * One website front door: each successor's site is live by vesting day, every predecessor site
 * redirects to it, and residents are routed to services that stay on legacy systems for now.
 */
export function websiteCheck(ctx: CheckContext): CheckResult {
  const { href } = ctx;
  const findings: Finding[] = [];
  const tally = new SuccessorTally(ctx);
  const statuses: CheckStatus[] = [];
  let known = 0;

  for (const s of ctx.successors) {
    const f = ctx.factsOf(s.id);
    const link = href.councilFacts(s.id);
    let status: CheckStatus = 'pass';
    if (!f.websiteUrl || !f.websiteGoLive) {
      status = 'unknown';
      findings.push(
        finding(
          'unknown',
          s.name,
          link,
          f.websiteUrl ? 'No go-live date for the new website' : 'No website recorded'
        )
      );
    } else {
      known += 1;
      const judged = judgeCutover(ctx, f.websiteGoLive, `${f.websiteUrl} goes live`, false);
      if (judged) {
        status = judged.severity;
        findings.push(finding(judged.severity, s.name, link, judged.detail, f.websiteGoLive));
      }
    }
    statuses.push(status);
    tally.add([s.id], status);
  }

  for (const p of ctx.predecessors) {
    const f = ctx.factsOf(p.id);
    const link = href.councilFacts(p.id);
    const own: CheckStatus[] = [];
    const add = (severity: Finding['severity'], detail: string, sortKey?: string) => {
      own.push(severity);
      findings.push(finding(severity, p.name, link, detail, sortKey));
    };
    if (f.redirectPlan) known += 1;
    if (f.redirectPlan === 'none') add('fail', 'No redirect to the new website planned');
    else if (f.redirectPlan === 'planned') {
      if (!f.redirectDate) add('unknown', 'Redirects planned, but no date recorded');
      else {
        const judged = judgeCutover(ctx, f.redirectDate, 'Redirects switch on', false);
        if (judged) add(judged.severity, judged.detail, f.redirectDate);
      }
    } else if (f.redirectPlan !== 'live') add('unknown', 'Redirect plan not recorded');
    if (f.legacyRouting === false) {
      add(
        'warn',
        'Residents are not routed to services that stay on this council’s legacy systems'
      );
    } else if (f.legacyRouting === null) {
      add('unknown', 'Not known whether residents are routed to services on legacy systems');
    }
    const status = own.length ? statusOf(own.map((severity) => ({ severity }) as Finding)) : 'pass';
    statuses.push(status);
    tally.add(ctx.successorIdsFor(p.id), status);
  }

  const total = statuses.length;
  return {
    id: 'website',
    theme: 'day-one',
    title: 'One website front door',
    status: ctx.successors.length === 0 || known === 0 ? 'unknown' : statusOf(findings),
    summary:
      total === 0
        ? 'No councils recorded'
        : `${describeCounts(countStatuses(statuses), total, 'council')} for one front door by vesting day`,
    findings,
    principle:
      'Residents should find the new council in one place on day one, and every old address should lead them there — including to services still run on the old councils’ systems.',
    howToFix:
      'Record each successor’s website and go-live date, and for each predecessor site its redirect plan and whether residents are routed to services that stay on legacy systems.',
    perSuccessor: tally.results((c, n) => describeCounts(c, n, 'council'))
  };
}
