import { SCHEDULE_FIELDS, type Schedule, type ScheduleField } from './types';

export const SCHEDULE_LABELS: Record<ScheduleField, string> = {
  startDate: 'Discovery starts',
  alphaStart: 'Alpha starts',
  betaStart: 'Beta starts',
  liveStart: 'Goes live',
  endDate: 'Handed over'
};

/** A saved item as the form shows it: months as YYYY-MM, what a month picker takes. */
export function itemFormValues(
  item: {
    title: string;
    kind: string;
    serviceAreaId: string | null;
    councilId: string | null;
    status: string;
    owner: string | null;
    size: string;
    notes: string | null;
  } & Schedule
): Record<string, string> {
  const values: Record<string, string> = {
    title: item.title,
    kind: item.kind,
    serviceAreaId: item.serviceAreaId ?? '',
    councilId: item.councilId ?? '',
    status: item.status,
    owner: item.owner ?? '',
    size: item.size,
    notes: item.notes ?? ''
  };
  for (const f of SCHEDULE_FIELDS) values[f] = item[f].slice(0, 7);
  return values;
}

/**
 * The rules' findings counted, problems (failures) first: "3 problems and 2 warnings",
 * "1 problem", "4 warnings", or "No warnings".
 */
export function findingsCounted(total: number, problems: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const others = total - problems;
  const parts = [
    problems > 0 ? plural(problems, 'problem') : null,
    others > 0 ? plural(others, 'warning') : null
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' and ') : 'No warnings';
}
