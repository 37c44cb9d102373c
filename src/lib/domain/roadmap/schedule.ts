import { addMonths, compareIsoDates, isIsoDate, type IsoDate } from '../dates';
import { firstOfMonthIndex, monthIndex } from './months';
import { PHASES, SCHEDULE_FIELDS, type Phase, type Schedule, type ScheduleField } from './types';

export interface PhaseSegment {
  phase: Phase;
  start: IsoDate;
  /** Exclusive. */
  end: IsoDate;
}

/** The non-empty phases of an item, in order. */
export function phaseSegments(s: Schedule): PhaseSegment[] {
  const bounds = [s.startDate, s.alphaStart, s.betaStart, s.liveStart, s.endDate];
  return PHASES.flatMap((phase, i) =>
    compareIsoDates(bounds[i]!, bounds[i + 1]!) < 0
      ? [{ phase, start: bounds[i]!, end: bounds[i + 1]! }]
      : []
  );
}

/** What is wrong with a schedule, field by field; empty when it is valid. */
export function scheduleProblems(s: Schedule): Partial<Record<ScheduleField, string>> {
  const problems: Partial<Record<ScheduleField, string>> = {};
  for (const field of SCHEDULE_FIELDS) {
    if (!isIsoDate(s[field])) problems[field] = 'Enter a real date';
  }
  if (Object.keys(problems).length > 0) return problems;
  const order: [ScheduleField, ScheduleField, string][] = [
    ['startDate', 'alphaStart', 'Alpha cannot start before discovery'],
    ['alphaStart', 'betaStart', 'Beta cannot start before alpha'],
    ['betaStart', 'liveStart', 'Go-live cannot be before beta starts'],
    ['liveStart', 'endDate', 'The end cannot be before go-live']
  ];
  for (const [before, after, message] of order) {
    if (compareIsoDates(s[before], s[after]) > 0) problems[after] ??= message;
  }
  if (!problems.endDate && compareIsoDates(s.startDate, s.endDate) >= 0) {
    problems.endDate = 'The end must be after the start';
  }
  return problems;
}

/** Every date moved by whole calendar months (a drag of the whole bar). */
export function shiftSchedule(s: Schedule, months: number): Schedule {
  const out = {} as Schedule;
  for (const field of SCHEDULE_FIELDS) out[field] = addMonths(s[field], months);
  return out;
}

/**
 * One boundary moved by whole months (a drag of a phase edge), kept between its neighbours:
 * a boundary can close a phase to nothing but never cross the next one. The start and the end
 * keep the item at least a month long.
 */
export function moveBoundary(s: Schedule, field: ScheduleField, months: number): Schedule {
  const i = SCHEDULE_FIELDS.indexOf(field);
  const wanted = monthIndex(s[field]) + months;
  const low = i === 0 ? -Infinity : monthIndex(s[SCHEDULE_FIELDS[i - 1]!]);
  const high = i === SCHEDULE_FIELDS.length - 1 ? Infinity : monthIndex(s[SCHEDULE_FIELDS[i + 1]!]);
  let index = Math.min(Math.max(wanted, low), high);
  if (field === 'startDate') index = Math.min(index, monthIndex(s.endDate) - 1);
  if (field === 'endDate') index = Math.max(index, monthIndex(s.startDate) + 1);
  return { ...s, [field]: firstOfMonthIndex(index) };
}

/** Whether the item is in flight at any time in [from, to). */
export function overlaps(s: Pick<Schedule, 'startDate' | 'endDate'>, from: IsoDate, to: IsoDate) {
  return compareIsoDates(s.startDate, to) < 0 && compareIsoDates(s.endDate, from) > 0;
}
