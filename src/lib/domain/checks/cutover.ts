import { compareIsoDates, daysBetween, formatLongDate, type IsoDate } from '../dates';
import type { CheckContext } from './context';
import type { Finding } from './types';

/**
 * A dated step that must be done by vesting day (a finance move, a website go-live, redirects):
 * after vesting day fails; inside the cut-over margin warns; a date in the past that is still
 * only "planned" asks for confirmation. null when the date is comfortably early.
 */
export function judgeCutover(
  ctx: CheckContext,
  date: IsoDate,
  what: string,
  done: boolean
): { severity: Finding['severity']; detail: string } | null {
  const when = formatLongDate(date);
  if (compareIsoDates(date, ctx.vestingDate) > 0) {
    return { severity: 'fail', detail: `${what} on ${when}, after vesting day` };
  }
  if (done) return null;
  if (compareIsoDates(date, ctx.today) < 0) {
    return {
      severity: 'warn',
      detail: `${what} was planned for ${when}: confirm it happened`
    };
  }
  if (daysBetween(date, ctx.vestingDate) < ctx.settings.cutoverMarginDays) {
    return {
      severity: 'warn',
      detail: `${what} on ${when}, less than ${ctx.settings.cutoverMarginDays} days before vesting day`
    };
  }
  return null;
}
