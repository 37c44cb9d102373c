import { addMonths, compareIsoDates, formatLongDate } from '../dates';
import type { CheckContext } from './context';
import { countStatuses, plural, statusOf, worst } from './status';
import { describeCounts, finding, SuccessorTally } from './tally';
import type { CheckResult, CheckStatus, Finding } from './types';

/**
 * Security basics met and not expiring soon after vesting day, for every council in the
 * programme: the successor inherits each predecessor's estate on day one.
 */
export function securityCheck(ctx: CheckContext): CheckResult {
  const { snapshot, href, vestingDate, today, settings } = ctx;
  const findings: Finding[] = [];
  const tally = new SuccessorTally(ctx);
  const controls = snapshot.securityControls;
  const base = {
    id: 'security' as const,
    theme: 'day-one' as const,
    title: 'Security basics in place on day one',
    principle:
      'The new council must be safe and legal from its first hour: staff accounts protected, data backed up, someone accountable for information risk, and a plan for when things go wrong.',
    howToFix:
      'Record each council’s status for every baseline control with its evidence and expiry date. Renew certificates that lapse within the window after vesting day before day one.'
  };
  if (controls.length === 0) {
    return {
      ...base,
      status: 'unknown',
      summary: 'No baseline security controls in the catalogue',
      findings: [
        finding(
          'unknown',
          'Security control catalogue',
          href.securityCatalogue(),
          'Add the baseline controls the councils must meet'
        )
      ],
      perSuccessor: tally.results(() => '')
    };
  }

  const byCouncil = new Map<string, Map<string, (typeof snapshot.securityStatuses)[number]>>();
  for (const s of snapshot.securityStatuses) {
    let map = byCouncil.get(s.councilId);
    if (!map) byCouncil.set(s.councilId, (map = new Map()));
    map.set(s.controlId, s);
  }
  const horizon = addMonths(vestingDate, settings.securityExpiryMonths);
  const councilStatuses: CheckStatus[] = [];
  let recorded = 0;

  for (const council of [...ctx.successors, ...ctx.predecessors]) {
    const link = href.securityFacts(council.id);
    const records = byCouncil.get(council.id);
    const missing: string[] = [];
    const statuses: CheckStatus[] = [];
    for (const control of controls) {
      const record = records?.get(control.id);
      const label = `${council.name}: ${control.name}`;
      if (!record) {
        missing.push(control.name);
        statuses.push('unknown');
        continue;
      }
      recorded += 1;
      if (record.status === 'not_applicable') continue;
      if (record.status === 'not_met') {
        findings.push(finding('fail', label, link, 'Not met'));
        statuses.push('fail');
      } else if (record.status === 'in_progress') {
        findings.push(finding('warn', label, link, 'In progress: not yet met'));
        statuses.push('warn');
      } else if (record.expiryDate && compareIsoDates(record.expiryDate, vestingDate) <= 0) {
        const past = compareIsoDates(record.expiryDate, today) < 0;
        findings.push(
          finding(
            'fail',
            label,
            link,
            `${past ? 'Expired' : 'Expires'} on ${formatLongDate(record.expiryDate)}, ${past ? 'and is not renewed' : 'by vesting day'}`,
            record.expiryDate
          )
        );
        statuses.push('fail');
      } else if (record.expiryDate && compareIsoDates(record.expiryDate, horizon) < 0) {
        findings.push(
          finding(
            'warn',
            label,
            link,
            `Expires on ${formatLongDate(record.expiryDate)}, within ${plural(settings.securityExpiryMonths, 'month')} after vesting day`,
            record.expiryDate
          )
        );
        statuses.push('warn');
      } else {
        statuses.push('pass');
      }
    }
    if (missing.length > 0) {
      findings.push(
        finding(
          'unknown',
          council.name,
          link,
          missing.length === controls.length
            ? 'No security controls recorded'
            : `Not recorded: ${missing.join(', ')}`
        )
      );
    }
    const status = worst(statuses);
    councilStatuses.push(status);
    tally.add(ctx.successorIdsFor(council.id), status);
  }

  const total = councilStatuses.length;
  return {
    ...base,
    status: total === 0 || recorded === 0 ? 'unknown' : statusOf(findings),
    summary:
      total === 0
        ? 'No councils recorded'
        : `${describeCounts(countStatuses(councilStatuses), total, 'council')} for ${plural(controls.length, 'baseline control')}`,
    findings,
    perSuccessor: tally.results((c, n) => describeCounts(c, n, 'council'))
  };
}
