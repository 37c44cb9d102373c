import { currentEnd, noticeDeadline, type ContractTerms } from './contracts';
import { addDays, compareIsoDates, formatLongDate, type IsoDate } from './dates';

/**
 * The dates a programme's calendar feed carries, as plain all-day events. Pure, so the rules
 * (which dates, which UIDs, what the text says) are tested without a calendar library.
 *
 * UIDs are stable per programme or contract and kind of date, never per date: when a
 * contract's end moves, calendar apps update the event they already have rather than adding
 * a second one.
 */
export interface FeedContract {
  id: string;
  reference: string;
  title: string;
  supplierName: string;
  councilName: string;
  treatmentLabel: string;
  terms: ContractTerms;
  /** When the contract last changed: the event's timestamp, so clients see a new version. */
  updatedAt: Date;
}

export interface CalendarEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  url: string;
  stamp: Date;
}

/** Dates this long ago or older are left out: a feed is for what is coming. */
export const FEED_HISTORY_DAYS = 365;

const UID_DOMAIN = 'vesting-day';

export function calendarEvents(
  programme: { id: string; name: string; vestingDate: IsoDate; updatedAt: Date },
  contracts: FeedContract[],
  options: { today: IsoDate; programmeUrl: string }
): CalendarEvent[] {
  const earliest = addDays(options.today, -FEED_HISTORY_DAYS);
  const recent = (date: IsoDate | null): date is IsoDate =>
    date !== null && compareIsoDates(date, earliest) >= 0;
  const events: CalendarEvent[] = [];
  if (recent(programme.vestingDate)) {
    events.push({
      uid: `vesting-day-${programme.id}@${UID_DOMAIN}`,
      date: programme.vestingDate,
      summary: `Vesting day: ${programme.name}`,
      description: `The new councils come into being on ${formatLongDate(programme.vestingDate)}.\n\n${options.programmeUrl}`,
      url: options.programmeUrl,
      stamp: programme.updatedAt
    });
  }
  for (const c of contracts) {
    const end = currentEnd(c.terms);
    const deadline = noticeDeadline(c.terms);
    const url = `${options.programmeUrl}/contracts/${c.id}`;
    const details = [
      `Contract: ${c.reference}: ${c.title}`,
      `Supplier: ${c.supplierName}`,
      `Council: ${c.councilName}`,
      `Decision: ${c.treatmentLabel}`,
      end && `Current end: ${formatLongDate(end)}`,
      deadline && `Notice deadline: ${formatLongDate(deadline)}`,
      '',
      url
    ]
      .filter((line) => line !== null)
      .join('\n');
    if (recent(deadline)) {
      events.push({
        uid: `notice-deadline-${c.id}@${UID_DOMAIN}`,
        date: deadline,
        summary: `Notice deadline: ${c.reference} ${c.title} (${c.supplierName})`,
        description: `Last day to give notice on this contract.\n\n${details}`,
        url,
        stamp: c.updatedAt
      });
    }
    if (recent(end)) {
      events.push({
        uid: `contract-end-${c.id}@${UID_DOMAIN}`,
        date: end,
        summary: `Contract ends: ${c.reference} ${c.title} (${c.supplierName})`,
        description: `Last day of the contract as it stands.\n\n${details}`,
        url,
        stamp: c.updatedAt
      });
    }
  }
  return events.sort((a, b) => compareIsoDates(a.date, b.date) || a.uid.localeCompare(b.uid));
}
