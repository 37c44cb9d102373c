import { compareIsoDates, daysBetween, formatLongDate } from '../dates';
import type { CheckContext } from './context';
import { sortFindings, statusOf } from './status';
import { describeCounts, finding, SuccessorTally } from './tally';
import type { CheckResult, CheckStatus, Finding } from './types';

/**
 * One tenancy by day one: every predecessor's staff are in (or moved by vesting day into) the
 * Microsoft 365 tenant of each successor they pass to, so people can talk to each other.
 */
export function tenancyCheck(ctx: CheckContext): CheckResult {
  const findings: Finding[] = [];
  const tally = new SuccessorTally(ctx);
  const { vestingDate, today, settings, href } = ctx;

  for (const s of ctx.successors) {
    if (!ctx.factsOf(s.id).targetTenant) {
      findings.push(
        finding(
          'unknown',
          s.name,
          href.councilFacts(s.id),
          'No target Microsoft 365 tenant recorded for this successor council'
        )
      );
      tally.add([s.id], 'unknown');
    }
  }

  let judged = 0;
  const statuses: CheckStatus[] = [];
  for (const p of ctx.predecessors) {
    const f = ctx.factsOf(p.id);
    const link = href.councilFacts(p.id);
    let status: CheckStatus = 'pass';
    const add = (severity: Finding['severity'], detail: string, sortKey?: string) => {
      status = severity;
      findings.push(finding(severity, p.name, link, detail, sortKey));
    };
    switch (f.tenancyStatus) {
      case 'in_target':
        break;
      case 'migration_planned':
        if (!f.tenancyDate) add('unknown', 'Migration planned, but no date recorded');
        else if (compareIsoDates(f.tenancyDate, vestingDate) > 0)
          add(
            'fail',
            `Migration planned for ${formatLongDate(f.tenancyDate)}, after vesting day`,
            f.tenancyDate
          );
        else if (compareIsoDates(f.tenancyDate, today) < 0)
          add(
            'warn',
            `Migration was planned for ${formatLongDate(f.tenancyDate)}: confirm it happened and record the council as in the target tenant`,
            f.tenancyDate
          );
        else if (daysBetween(f.tenancyDate, vestingDate) < settings.cutoverMarginDays)
          add(
            'warn',
            `Migration planned for ${formatLongDate(f.tenancyDate)}, less than ${settings.cutoverMarginDays} days before vesting day`,
            f.tenancyDate
          );
        break;
      case 'cross_tenant':
        add(
          'warn',
          'Cross-tenant collaboration only: people can meet and share, but are not on one tenancy'
        );
        break;
      case 'not_started':
        add('fail', 'Migration to the target tenant has not started');
        break;
      default:
        add('unknown', 'Tenancy status not known');
    }
    if (f.tenancyStatus) judged += 1;
    statuses.push(status);
    tally.add(ctx.successorIdsFor(p.id), status);
  }

  const status =
    ctx.predecessors.length === 0 || judged === 0 ? 'unknown' : statusOf(sortFindings(findings));
  const counts = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const s of statuses) counts[s] += 1;
  return {
    id: 'tenancy',
    theme: 'day-one',
    title: 'One Microsoft 365 tenancy by day one',
    status,
    summary:
      ctx.predecessors.length === 0
        ? 'No predecessor councils recorded'
        : `${describeCounts(counts, ctx.predecessors.length, 'predecessor council')} for one tenancy by vesting day`,
    findings,
    principle:
      'On day one everyone in the new council must be able to find and talk to each other: one tenancy, one directory, one calendar.',
    howToFix:
      'Record each successor’s target tenant and each predecessor’s migration status and date. Plan migrations to finish well before vesting day; cross-tenant collaboration is a stopgap, not the end state.',
    perSuccessor: tally.results((c, n) => describeCounts(c, n, 'record'))
  };
}
