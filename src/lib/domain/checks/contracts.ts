import { addMonths, formatLongDate } from '../dates';
import type { CheckContext } from './context';
import type { SnapshotContract } from './snapshot';
import { plural, statusOf } from './status';
import { finding, SuccessorTally } from './tally';
import type { CheckResult, CheckStatus, Finding } from './types';

/**
 * No contract lapses: every contract ending between today and vesting day + N months has a
 * reorganisation decision. Undecided ones fail, the most urgent notice deadline first; an
 * "extend" whose remaining options cannot reach the needed date needs a variation.
 */
/** Built only for a finding: most contracts have none, and there can be 15,000. */
function labelOf(c: SnapshotContract): string {
  return `${c.reference}: ${c.title} (${c.supplierName})`;
}

export function contractsCheck(ctx: CheckContext): CheckResult {
  const { snapshot, today, vestingDate, settings, href, longDate } = ctx;
  const needed = addMonths(vestingDate, settings.contractHorizonMonths);
  const findings: Finding[] = [];
  const tally = new SuccessorTally(ctx);
  let inWindow = 0;
  let undecided = 0;
  let urgent = 0;
  let variations = 0;
  let noEnd = 0;

  for (const c of snapshot.contracts) {
    let status: CheckStatus = 'pass';
    if (c.currentEnd === null) {
      noEnd += 1;
      status = 'unknown';
      findings.push(
        finding(
          'unknown',
          labelOf(c),
          href.contract(c.id),
          'No end date: cannot tell whether it lapses'
        )
      );
    } else if (c.currentEnd >= today && c.currentEnd <= needed) {
      // ISO dates order as text: no parsing in the loop that sees every contract.
      inWindow += 1;
      const ends = `Ends ${longDate(c.currentEnd)}`;
      if (c.treatment === 'undecided') {
        undecided += 1;
        status = 'fail';
        const toNotice = c.noticeDeadline === null ? null : ctx.daysFromToday(c.noticeDeadline);
        let detail = `${ends} with no decision`;
        if (toNotice !== null && toNotice < 0) {
          urgent += 1;
          detail += `. Urgent: the notice deadline passed on ${longDate(c.noticeDeadline!)}`;
        } else if (toNotice !== null && toNotice <= settings.noticeUrgentDays) {
          urgent += 1;
          detail +=
            toNotice === 0
              ? '. Urgent: the notice deadline is today'
              : `. Urgent: notice deadline ${longDate(c.noticeDeadline!)}, in ${plural(toNotice, 'day')}`;
        }
        findings.push(
          finding('fail', labelOf(c), href.contract(c.id), detail, c.noticeDeadline ?? c.currentEnd)
        );
      } else if (c.treatment === 'extend' && (c.maximumEnd === null || c.maximumEnd < needed)) {
        variations += 1;
        status = 'warn';
        findings.push(
          finding(
            'warn',
            labelOf(c),
            href.contract(c.id),
            `${ends}; decision is to extend, but ${c.remainingMonths > 0 ? `the remaining options reach only ${longDate(c.maximumEnd!)}` : 'no extension options remain'}: a variation is needed to reach ${formatLongDate(needed)}`,
            c.currentEnd
          )
        );
      }
    }
    tally.addForCouncil(c.councilId, status);
  }

  const total = snapshot.contracts.length;
  const parts: string[] = [];
  if (undecided) parts.push(`${plural(undecided, 'contract')} without a decision`);
  if (urgent) parts.push(`${urgent} urgent`);
  if (variations) parts.push(`${plural(variations, 'extension')} needing a variation`);
  if (noEnd) parts.push(`${plural(noEnd, 'contract')} with no end date`);
  return {
    id: 'contracts',
    theme: 'contracts',
    title: 'No contract lapses around vesting day',
    status: total === 0 ? 'unknown' : statusOf(findings),
    summary:
      total === 0
        ? 'No contracts recorded'
        : `${plural(inWindow, 'contract')} ${inWindow === 1 ? 'ends' : 'end'} between today and ${formatLongDate(needed)}${parts.length ? `: ${parts.join(', ')}` : ', all with a decision'}`,
    findings,
    principle:
      'Suppliers are not going anywhere: extend the predecessor councils’ contracts so that nothing lapses around vesting day while the new council finds its feet.',
    howToFix:
      'Record a decision for every contract ending before the date shown — extend, transfer, novate, host, re-procure, terminate or let expire — starting with the earliest notice deadline. Where the options run out, agree a variation with the supplier.',
    perSuccessor: tally.results((c, n) =>
      c.fail + c.warn + c.unknown === 0
        ? `${plural(n, 'contract')}, none at risk`
        : [
            c.fail && `${c.fail} without a decision`,
            c.warn && `${c.warn} needing a variation`,
            c.unknown && `${c.unknown} with no end date`
          ]
            .filter(Boolean)
            .join('; ')
    )
  };
}
