import { addMonths, compareIsoDates, formatLongDate, type IsoDate } from '../dates';

export { compareIsoDates, formatLongDate };

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** The end of the plan: the horizon counted from vesting day. */
export function horizonEnd(settings: { vestingDate: IsoDate; horizonYears: number }): IsoDate {
  return addYears(settings.vestingDate, settings.horizonYears);
}
