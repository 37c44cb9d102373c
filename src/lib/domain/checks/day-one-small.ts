import { addMonths, compareIsoDates, formatLongDate } from '../dates';
import type { CheckContext } from './context';
import { plural, statusOf } from './status';
import { finding } from './tally';
import type { CheckResult, Finding } from './types';

/**
 * Day one stays small: no service redesign starts before vesting day (fail) or inside the
 * stabilisation window after it (warn). Without a roadmap there is nothing to judge.
 */
export function dayOneSmallCheck(ctx: CheckContext): CheckResult {
  const { snapshot, vestingDate, href } = ctx;
  const months = snapshot.programme.stabilisationMonths;
  const windowEnd = addMonths(vestingDate, months);
  const base = {
    id: 'day-one-small' as const,
    theme: 'business-case' as const,
    title: 'Day one stays small',
    principle:
      'Day one is about safe and legal, not transformation: redesigns wait until the new council has settled.',
    howToFix: `Move redesign starts to ${formatLongDate(windowEnd)} or later (vesting day plus the ${plural(months, 'month')} stabilisation window), or shorten the window in the programme settings if the team can carry it.`
  };
  const redesigns = snapshot.redesigns;
  if (redesigns === null) {
    return {
      ...base,
      status: 'unknown',
      summary: 'No roadmap yet: redesign starts are not known',
      findings: [
        finding('unknown', 'Roadmap', href.roadmap(), 'Plan the redesigns to check their starts')
      ]
    };
  }
  const findings: Finding[] = [];
  for (const r of redesigns) {
    if (r.start === null) {
      findings.push(finding('unknown', r.title, href.roadmap(), 'No start date'));
    } else if (compareIsoDates(r.start, vestingDate) < 0) {
      findings.push(
        finding(
          'fail',
          r.title,
          href.roadmap(),
          `Starts ${formatLongDate(r.start)}, before vesting day`,
          r.start
        )
      );
    } else if (compareIsoDates(r.start, windowEnd) < 0) {
      findings.push(
        finding(
          'warn',
          r.title,
          href.roadmap(),
          `Starts ${formatLongDate(r.start)}, inside the stabilisation window that ends ${formatLongDate(windowEnd)}`,
          r.start
        )
      );
    }
  }
  const early = findings.filter((f) => f.severity !== 'unknown').length;
  return {
    ...base,
    status: statusOf(findings),
    summary:
      redesigns.length === 0
        ? 'No redesigns planned'
        : early === 0
          ? `All ${plural(redesigns.length, 'redesign')} start after the stabilisation window`
          : `${plural(early, 'redesign')} of ${redesigns.length} ${early === 1 ? 'starts' : 'start'} before ${formatLongDate(windowEnd)}`,
    findings
  };
}
