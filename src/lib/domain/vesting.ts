import { addMonths, daysBetween, formatIsoDate, type IsoDate } from './dates';

/**
 * Reorganisations in England take effect on 1 April, the start of the financial year.
 * The next 1 April on or after `today` plus `minimumMonths`.
 */
export function nextFirstOfApril(today: IsoDate, minimumMonths: number): IsoDate {
  const earliest = addMonths(today, minimumMonths);
  const year = Number(earliest.slice(0, 4));
  const sameYear = formatIsoDate(year, 4, 1);
  return earliest <= sameYear ? sameYear : formatIsoDate(year + 1, 4, 1);
}

export interface Countdown {
  days: number;
  /** 'before' while day one is ahead, 'day-one' on the day, 'after' once vested. */
  phase: 'before' | 'day-one' | 'after';
  label: string;
}

export function vestingCountdown(today: IsoDate, vestingDate: IsoDate): Countdown {
  const days = daysBetween(today, vestingDate);
  if (days > 0)
    return {
      days,
      phase: 'before',
      label: `${days} ${days === 1 ? 'day' : 'days'} to vesting day`
    };
  if (days === 0) return { days, phase: 'day-one', label: 'Vesting day is today' };
  const since = -days;
  return {
    days,
    phase: 'after',
    label: `${since} ${since === 1 ? 'day' : 'days'} since vesting day`
  };
}
