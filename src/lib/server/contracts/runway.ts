import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { RunwayContract } from '#lib/charts/runway-layout.ts';
import { runwayWindow } from '#lib/charts/runway-window.ts';
import { compareIsoDates, type IsoDate } from '#lib/domain/dates.ts';
import type { RunwayFilters } from '#lib/schemas/runway-filters.ts';
import type { DatabaseOrTransaction } from '../db';
import { contracts, councils } from '../db/schema';
import { extensionOptionsOf } from './options';
import { currentEndSql } from './sql';

/**
 * Most bars the runway draws at once. Thousands of rows would make a page nobody can read
 * or load quickly; past this the page says how many are hidden and asks for narrower filters.
 */
export const RUNWAY_LIMIT = 150;

/** Council and decision: what both the runway and the cliff chart are filtered by. */
function scopeConditions(programmeId: string, f: RunwayFilters): SQL[] {
  const conditions: SQL[] = [eq(contracts.programmeId, programmeId)];
  if (f.council) conditions.push(eq(contracts.councilId, f.council));
  if (f.treatment) conditions.push(eq(contracts.lgrTreatment, f.treatment));
  return conditions;
}

/**
 * The runway's data in a fixed number of queries however large the programme: the
 * contracts still running (current end today or later) that match the filters, soonest
 * ending first, up to {@link RUNWAY_LIMIT}, with their extension options; how many match in
 * all; how many have no end date; and the cliff chart's totals per quarter.
 */
export async function loadRunway(
  db: DatabaseOrTransaction,
  programmeId: string,
  f: RunwayFilters,
  context: { today: IsoDate; vestingDate: IsoDate }
) {
  const window = runwayWindow(context.today, context.vestingDate);
  const scope = scopeConditions(programmeId, f);
  const from = f.from && compareIsoDates(f.from, context.today) > 0 ? f.from : context.today;
  const running = [...scope, sql`${currentEndSql} >= ${from}::date`];
  if (f.before) running.push(sql`${currentEndSql} < ${f.before}::date`);
  const quarter = sql<string>`to_char(date_trunc('quarter', ${currentEndSql}), 'YYYY-MM-DD')`;

  const [[matching], rows, [undated], cliff] = await Promise.all([
    db
      .select({ n: count() })
      .from(contracts)
      .where(and(...running)),
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
        annualValuePence: contracts.annualValuePence
      })
      .from(contracts)
      .innerJoin(councils, eq(councils.id, contracts.councilId))
      .where(and(...running))
      .orderBy(asc(currentEndSql), asc(contracts.reference))
      .limit(RUNWAY_LIMIT),
    db
      .select({ n: count() })
      .from(contracts)
      .where(and(...scope, isNull(contracts.endDate))),
    db
      .select({
        quarter,
        count: sql<number>`count(*)`.mapWith(Number),
        valuePence: sql<number>`coalesce(sum(${contracts.annualValuePence}), 0)`.mapWith(Number)
      })
      .from(contracts)
      .where(
        and(...scope, sql`${currentEndSql} between ${context.today}::date and ${window.end}::date`)
      )
      .groupBy(quarter)
  ]);

  const optionsOf = await extensionOptionsOf(db, { contractIds: rows.map((r) => r.id) });

  const runway: (RunwayContract & { annualValuePence: number | null })[] = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    supplierName: r.supplierName,
    councilName: r.councilName,
    treatment: r.treatment,
    annualValuePence: r.annualValuePence,
    terms: {
      startDate: r.startDate,
      endDate: r.endDate,
      noticePeriodValue: r.noticePeriodValue,
      noticePeriodUnit: r.noticePeriodUnit,
      maxEndDate: r.maxEndDate,
      extensionOptions: optionsOf.get(r.id) ?? []
    }
  }));
  return {
    window,
    contracts: runway,
    total: matching?.n ?? 0,
    withoutEndDate: undated?.n ?? 0,
    cliff
  };
}
