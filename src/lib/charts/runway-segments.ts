import {
  currentEnd,
  maximumEnd,
  noticeDeadline,
  type ContractTerms
} from '#lib/domain/contracts.ts';
import { addDays, addMonths, compareIsoDates, isIsoDate, type IsoDate } from '#lib/domain/dates.ts';
import type { RunwayWindow } from './runway-window';

/**
 * The pieces of one contract's bar, in dates: the term as let, each exercised extension option,
 * then each option still available. Both dates are inclusive: an option runs from the day after
 * the previous end to its own end date.
 */
export type SegmentKind = 'term' | 'exercised' | 'remaining';

export interface DateSegment {
  kind: SegmentKind;
  from: IsoDate;
  to: IsoDate;
  /** 1-based position of the option in the contract, for options. */
  option?: number;
  lengthMonths?: number;
}

export interface ClippedSegment extends DateSegment {
  /** The piece starts before the window (drawn from its left edge). */
  beforeWindow: boolean;
  /** The piece runs past the window (drawn to its right edge, with a "continues" cue). */
  afterWindow: boolean;
}

const valid = (d: IsoDate | null) => (d !== null && isIsoDate(d) ? d : null);

/**
 * Exercised options are laid end to end from the original end, in contract order, so their
 * last boundary is {@link currentEnd}; the remaining ones follow, ending at
 * derivedMaximumEnd in domain/contracts.ts. Each boundary is computed from the original end in one step, the
 * way currentEnd is, so month-end clamping agrees with the derived dates everywhere else.
 * No end date means nothing can be drawn: [].
 */
export function contractSegments(terms: ContractTerms): DateSegment[] {
  const end = valid(terms.endDate);
  if (end === null) return [];
  const start = valid(terms.startDate);
  const segments: DateSegment[] = [];
  // A start after the end is a data problem reported elsewhere; draw the term as a point.
  const termStart = start && compareIsoDates(start, end) <= 0 ? start : end;
  segments.push({ kind: 'term', from: termStart, to: end });

  const ordered = terms.extensionOptions.map((o, i) => ({ ...o, option: i + 1 }));
  let months = 0;
  for (const kind of ['exercised', 'remaining'] as const) {
    for (const o of ordered.filter((x) => x.exercised === (kind === 'exercised'))) {
      const from = addDays(addMonths(end, months), 1);
      months += o.lengthMonths;
      segments.push({
        kind,
        from,
        to: addMonths(end, months),
        option: o.option,
        lengthMonths: o.lengthMonths
      });
    }
  }
  return segments;
}

/** The segments that show in the window, cut to its edges. */
export function clipSegments(segments: DateSegment[], window: RunwayWindow): ClippedSegment[] {
  return segments.flatMap((s) => {
    if (compareIsoDates(s.to, window.start) < 0 || compareIsoDates(s.from, window.end) > 0) {
      return [];
    }
    const beforeWindow = compareIsoDates(s.from, window.start) < 0;
    const afterWindow = compareIsoDates(s.to, window.end) > 0;
    return [
      {
        ...s,
        from: beforeWindow ? window.start : s.from,
        to: afterWindow ? window.end : s.to,
        beforeWindow,
        afterWindow
      }
    ];
  });
}

export interface ContractDates {
  currentEnd: IsoDate | null;
  maximumEnd: IsoDate | null;
  noticeDeadline: IsoDate | null;
}

/** The derived dates the runway labels and the calendar feed need, from the domain rules. */
export function contractDates(terms: ContractTerms): ContractDates {
  return {
    currentEnd: currentEnd(terms),
    maximumEnd: maximumEnd(terms),
    noticeDeadline: noticeDeadline(terms)
  };
}
