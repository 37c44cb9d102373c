import { formatPence } from './format';
import type { CheckContext } from './context';
import { plural, statusOf } from './status';
import { finding } from './tally';
import type { CheckResult, Finding } from './types';

/**
 * No digital and IT savings in the first years: the business case may not book them in
 * programme years 1 to N (year 1 starts on vesting day). Savings booked in year N + 1 are
 * flagged as worth a second look.
 */
export function savingsCheck(ctx: CheckContext): CheckResult {
  const { snapshot, settings, href } = ctx;
  const protectedYears = settings.savingsProtectedYears;
  const findings: Finding[] = [];
  for (const line of snapshot.savings) {
    if (line.category !== 'digital' || line.amountPence <= 0) continue;
    const label = `Year ${line.programmeYear}: ${line.description}`;
    const amount = formatPence(line.amountPence);
    if (line.programmeYear <= protectedYears) {
      findings.push(
        finding(
          'fail',
          label,
          href.savings(),
          `${amount} of digital and IT savings booked inside the first ${plural(protectedYears, 'year')}`,
          String(line.programmeYear).padStart(2, '0')
        )
      );
    } else if (line.programmeYear === protectedYears + 1) {
      findings.push(
        finding(
          'warn',
          label,
          href.savings(),
          `${amount} of digital and IT savings booked in the first year they are allowed: check they are realistic`,
          String(line.programmeYear).padStart(2, '0')
        )
      );
    }
  }
  const fails = findings.filter((f) => f.severity === 'fail').length;
  return {
    id: 'savings',
    theme: 'business-case',
    title: 'No early digital and IT savings in the business case',
    status: snapshot.savings.length === 0 ? 'unknown' : statusOf(findings),
    summary:
      snapshot.savings.length === 0
        ? 'No business-case savings recorded'
        : fails > 0
          ? `${plural(fails, 'saving')} from digital and IT booked in the first ${plural(protectedYears, 'year')}`
          : `No digital and IT savings booked in the first ${plural(protectedYears, 'year')}`,
    findings,
    principle:
      'Merging systems costs money before it saves any: a business case that counts on digital and IT savings in the first years is not realistic.',
    howToFix:
      'Move digital and IT savings to later years of the business case, or show the other savings that cover the gap.'
  };
}
