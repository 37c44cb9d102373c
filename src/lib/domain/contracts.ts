import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  formatLongDate,
  isIsoDate,
  type IsoDate
} from './dates';
import { MAX_EXTENSION_OPTION_MONTHS, MAX_EXTENSION_OPTIONS } from './extension-options';

export {
  extensionOptionsFromText,
  formatExtensionOptions,
  MAX_EXTENSION_OPTION_MONTHS,
  MAX_EXTENSION_OPTIONS,
  type ExtensionOptionsParse
} from './extension-options';

/**
 * The dates of a contract that matter for reorganisation planning, as stored in the database.
 * `endDate` is the end as originally let; `extensionOptions` are in contract order.
 *
 * Every calculation below treats a date that is not a real `YYYY-MM-DD` date as missing
 * (rather than throwing), so one bad imported row cannot break a page;
 * {@link checkContractDates} reports it instead.
 */
export interface ContractTerms {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  noticePeriodValue: number | null;
  noticePeriodUnit: 'days' | 'months' | null;
  maxEndDate: IsoDate | null;
  extensionOptions: { lengthMonths: number; exercised: boolean }[];
}

/** Days before the notice deadline from which a contract shows as 'notice-due'. */
export const NOTICE_DUE_DAYS = 90;

function valid(date: IsoDate | null): IsoDate | null {
  return date !== null && isIsoDate(date) ? date : null;
}

function sumMonths(terms: ContractTerms, which: (exercised: boolean) => boolean): number {
  return terms.extensionOptions
    .filter((o) => which(o.exercised))
    .reduce((total, o) => total + o.lengthMonths, 0);
}

/**
 * The end date now: the original end extended by every exercised option. Options are meant to
 * be exercised in order, but an exercised option after an unexercised one still counts (we sum
 * the exercised ones): the record says the time was bought, so the contract runs that long.
 *
 * Months are added in one step from the original end, not option by option, so month-end
 * clamping happens once: 31 January + 1 + 1 month is 31 March, not 28 March.
 */
export function currentEnd(terms: ContractTerms): IsoDate | null {
  const end = valid(terms.endDate);
  return (
    end &&
    addMonths(
      end,
      sumMonths(terms, (exercised) => exercised)
    )
  );
}

/** The end if every option, exercised or not, is used; derived from the options alone. */
export function derivedMaximumEnd(terms: ContractTerms): IsoDate | null {
  const end = valid(terms.endDate);
  return (
    end &&
    addMonths(
      end,
      sumMonths(terms, () => true)
    )
  );
}

/**
 * The latest the contract can run: the council's published maximum end (OCDS maxExtentDate)
 * when there is one, because it is the council's own statement and may reflect terms we have
 * not recorded; otherwise {@link derivedMaximumEnd}.
 */
export function maximumEnd(terms: ContractTerms): IsoDate | null {
  return valid(terms.maxEndDate) ?? derivedMaximumEnd(terms);
}

/** True when the published maximum end and the one derived from the options both exist and differ. */
export function maximumEndMismatch(terms: ContractTerms): boolean {
  const published = valid(terms.maxEndDate);
  const derived = derivedMaximumEnd(terms);
  return published !== null && derived !== null && published !== derived;
}

/** Options not yet exercised, with their 0-based position in the contract's order. */
export function remainingOptions(
  terms: ContractTerms
): { position: number; lengthMonths: number }[] {
  return terms.extensionOptions.flatMap((o, position) =>
    o.exercised ? [] : [{ position, lengthMonths: o.lengthMonths }]
  );
}

/** Months of extension still available. */
export function remainingMonths(terms: ContractTerms): number {
  return sumMonths(terms, (exercised) => !exercised);
}

/**
 * The last day notice can be given to end the contract at {@link currentEnd}: the end minus the
 * notice period (days, or calendar months clamped to month end, so 3 months before 31 May is
 * 28 or 29 February). A notice period of 0 gives the end date itself. null when the end or the
 * notice period is missing, or the period is negative or not a whole number.
 */
export function noticeDeadline(terms: ContractTerms): IsoDate | null {
  const end = currentEnd(terms);
  const { noticePeriodValue: value, noticePeriodUnit: unit } = terms;
  if (end === null || value === null || unit === null) return null;
  if (!Number.isInteger(value) || value < 0) return null;
  return unit === 'days' ? addDays(end, -value) : addMonths(end, -value);
}

/** Whole days from `today` to `date` (negative once it has passed); null without a date. */
export function daysUntil(today: IsoDate, date: IsoDate | null): number | null {
  const target = valid(date);
  return target === null ? null : daysBetween(today, target);
}

/** Days from `today` to the {@link noticeDeadline}; 0 on the day, negative once missed. */
export function daysToNoticeDeadline(terms: ContractTerms, today: IsoDate): number | null {
  return daysUntil(today, noticeDeadline(terms));
}

/**
 * Whether the contract could still be running on `target` (its end is the last day of service)
 * if every remaining option were exercised: {@link maximumEnd} on or after `target`.
 */
export function optionsReach(terms: ContractTerms, target: IsoDate): boolean {
  const max = maximumEnd(terms);
  return max !== null && compareIsoDates(max, target) >= 0;
}

/**
 * How many more months of extension would be needed for {@link maximumEnd} to reach `target`,
 * rounded up (one day short is 1 month short), so 0 means it reaches. null with no end date.
 */
export function monthsShortOf(terms: ContractTerms, target: IsoDate): number | null {
  const max = maximumEnd(terms);
  if (max === null) return null;
  if (compareIsoDates(max, target) >= 0) return 0;
  const monthIndex = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  const months = monthIndex(target) - monthIndex(max);
  // addMonths lands in the target's month; one more month is needed if it lands before the day.
  return compareIsoDates(addMonths(max, months), target) >= 0 ? months : months + 1;
}

/**
 * Whether {@link currentEnd} falls within `months` calendar months either side of vesting day,
 * boundaries included. The sign of `months` is ignored. False with no end date.
 */
export function endsWithin(terms: ContractTerms, vestingDate: IsoDate, months: number): boolean {
  const end = currentEnd(terms);
  if (end === null) return false;
  const span = Math.abs(months);
  return (
    compareIsoDates(end, addMonths(vestingDate, -span)) >= 0 &&
    compareIsoDates(end, addMonths(vestingDate, span)) <= 0
  );
}

export type ContractStatus =
  'no-end-date' | 'ended' | 'notice-passed' | 'notice-due' | 'lapses-before-vesting' | 'running';

/**
 * One headline status, first match wins:
 * 1. 'no-end-date': nothing else can be worked out.
 * 2. 'ended': {@link currentEnd} is before today (a contract runs on its end date).
 * 3. 'notice-passed': the notice deadline is before today; the chance to act is gone, which
 *    matters more than anything about vesting day.
 * 4. 'notice-due': the deadline is today or within {@link NOTICE_DUE_DAYS} days.
 * 5. 'lapses-before-vesting': the current end is before vesting day (options may still extend it).
 * 6. 'running'.
 * A contract with no notice period recorded skips 3 and 4.
 */
export function contractStatus(
  terms: ContractTerms,
  today: IsoDate,
  vestingDate: IsoDate
): ContractStatus {
  const end = currentEnd(terms);
  if (end === null) return 'no-end-date';
  if (compareIsoDates(end, today) < 0) return 'ended';
  const toDeadline = daysToNoticeDeadline(terms, today);
  if (toDeadline !== null && toDeadline < 0) return 'notice-passed';
  if (toDeadline !== null && toDeadline <= NOTICE_DUE_DAYS) return 'notice-due';
  if (compareIsoDates(end, vestingDate) < 0) return 'lapses-before-vesting';
  return 'running';
}

export interface ContractDateProblem {
  field: keyof ContractTerms;
  message: string;
  /** Errors should block saving; warnings are worth showing but may be right. */
  severity: 'error' | 'warning';
}

const DATE_LABELS = {
  startDate: 'Start date',
  endDate: 'End date',
  maxEndDate: 'Maximum end date'
};

/** Problems with a contract's dates, notice period and options, in field order, for forms. */
export function checkContractDates(terms: ContractTerms): ContractDateProblem[] {
  const problems: ContractDateProblem[] = [];
  const error = (field: keyof ContractTerms, message: string) =>
    problems.push({ field, message, severity: 'error' });
  const warning = (field: keyof ContractTerms, message: string) =>
    problems.push({ field, message, severity: 'warning' });

  for (const field of ['startDate', 'endDate', 'maxEndDate'] as const) {
    const value = terms[field];
    if (value !== null && !isIsoDate(value))
      error(field, `${DATE_LABELS[field]} must be a real date`);
  }
  const start = valid(terms.startDate);
  const end = valid(terms.endDate);
  const published = valid(terms.maxEndDate);
  const startAfterEnd = start !== null && end !== null && compareIsoDates(start, end) > 0;
  if (startAfterEnd) error('endDate', 'End date must be the same as or after the start date');
  if (published && end && compareIsoDates(published, end) < 0) {
    error('maxEndDate', 'Maximum end date must be the same as or after the end date');
  } else if (maximumEndMismatch(terms)) {
    warning(
      'maxEndDate',
      `Maximum end date does not match the end date plus all extension options (${formatLongDate(derivedMaximumEnd(terms) ?? '')})`
    );
  }

  const { noticePeriodValue: value, noticePeriodUnit: unit } = terms;
  if (value !== null && value < 0) error('noticePeriodValue', 'Notice period cannot be negative');
  else if (value !== null && !Number.isInteger(value)) {
    error('noticePeriodValue', 'Notice period must be a whole number');
  } else if (value !== null && unit === null) {
    error('noticePeriodUnit', 'Select whether the notice period is in days or months');
  } else if (value === null && unit !== null) {
    error('noticePeriodValue', 'Enter the notice period');
  }
  const deadline = noticeDeadline(terms);
  if (start && deadline && !startAfterEnd && compareIsoDates(deadline, start) < 0) {
    warning('noticePeriodValue', 'Notice period is longer than the contract');
  }

  const options = terms.extensionOptions;
  if (options.length > MAX_EXTENSION_OPTIONS) {
    error('extensionOptions', `Enter no more than ${MAX_EXTENSION_OPTIONS} extension options`);
  }
  if (options.some((o) => !Number.isInteger(o.lengthMonths) || o.lengthMonths < 1)) {
    error('extensionOptions', 'Each extension option must be a whole number of months, at least 1');
  } else if (options.some((o) => o.lengthMonths > MAX_EXTENSION_OPTION_MONTHS)) {
    error(
      'extensionOptions',
      `Each extension option must be ${MAX_EXTENSION_OPTION_MONTHS} months or less`
    );
  }
  const skipped = options.findIndex((o) => !o.exercised);
  const later = options.findIndex((o, i) => i > skipped && o.exercised);
  if (skipped >= 0 && later >= 0) {
    warning(
      'extensionOptions',
      `Option ${later + 1} is marked exercised but option ${skipped + 1} is not; options are usually exercised in order`
    );
  }
  return problems;
}
