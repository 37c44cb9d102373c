import { eq } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { calendarEvents, type FeedContract } from '#lib/domain/calendar-events.ts';
import { addDays, todayUtc } from '#lib/domain/dates.ts';
import { withoutControlCharacters } from '#lib/domain/text.ts';
import { TREATMENT_LABELS } from '#lib/schemas/contract-filters.ts';
import type { Database } from '../db';
import { contracts, councils } from '../db/schema';
import { extensionOptionsOf } from '../contracts/options';
import type { CalendarFeed } from './feeds';

/** A UTC midnight for ical-generator, which writes all-day dates from the UTC fields. */
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The programme's deadlines as iCalendar text: vesting day, and each contract's notice
 * deadline and current end, as all-day events. Two queries however many contracts.
 */
export async function programmeCalendar(
  db: Database,
  feed: CalendarFeed,
  origin: string
): Promise<string> {
  const [rows, optionsOf] = await Promise.all([
    db
      .select({
        id: contracts.id,
        reference: contracts.reference,
        title: contracts.title,
        supplierName: contracts.supplierName,
        councilName: councils.name,
        treatment: contracts.lgrTreatment,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        noticePeriodValue: contracts.noticePeriodValue,
        noticePeriodUnit: contracts.noticePeriodUnit,
        maxEndDate: contracts.maxEndDate,
        updatedAt: contracts.updatedAt
      })
      .from(contracts)
      .innerJoin(councils, eq(councils.id, contracts.councilId))
      .where(eq(contracts.programmeId, feed.programmeId)),
    extensionOptionsOf(db, { programmeId: feed.programmeId })
  ]);
  const feedContracts: FeedContract[] = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    supplierName: r.supplierName,
    councilName: r.councilName,
    treatmentLabel: TREATMENT_LABELS[r.treatment],
    updatedAt: r.updatedAt,
    terms: {
      startDate: r.startDate,
      endDate: r.endDate,
      noticePeriodValue: r.noticePeriodValue,
      noticePeriodUnit: r.noticePeriodUnit,
      maxEndDate: r.maxEndDate,
      extensionOptions: (optionsOf.get(r.id) ?? []).map(({ lengthMonths, exercised }) => ({
        lengthMonths,
        exercised
      }))
    }
  }));
  const events = calendarEvents(
    {
      id: feed.programmeId,
      name: feed.name,
      vestingDate: feed.vestingDate,
      updatedAt: feed.updatedAt
    },
    feedContracts,
    { today: todayUtc(), programmeUrl: `${origin}/programmes/${feed.slug}` }
  );

  // RFC 5545 allows no control character but tab in text; ical-generator escapes line breaks
  // but passes the rest. Text stored before the text rules may hold some.
  const text = withoutControlCharacters;
  const calendar = ical({
    name: text(`${feed.name}: deadlines`),
    description: 'Notice deadlines, contract ends and vesting day, from Vesting Day.',
    prodId: { company: 'Vesting Day', product: 'deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // Outlook and others poll at this interval (a hint; clients may choose their own).
    ttl: 60 * 60 * 6
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      start: utc(event.date),
      end: utc(addDays(event.date, 1)),
      stamp: event.stamp,
      summary: text(event.summary),
      description: text(event.description),
      url: event.url
    });
  }
  return calendar.toString();
}
