import { sql } from 'drizzle-orm';
import { contracts } from '../db/schema';

/**
 * The derived dates of src/lib/domain/contracts.ts, in SQL, so lists can filter, sort and
 * paginate on them in the database. Postgres adds whole months to a date clamping to the
 * month's end, as addMonths does; an integration test checks both agree.
 */
export const exercisedMonths = sql<number>`coalesce((select sum(o.length_months) from contract_extension_options o where o.contract_id = ${contracts.id} and o.exercised), 0)::int`;

export const currentEndSql = sql<
  string | null
>`(${contracts.endDate} + make_interval(months => ${exercisedMonths}))::date`;

export const noticeDeadlineSql = sql<string | null>`case
  when ${contracts.noticePeriodUnit} = 'days' then (${currentEndSql} - ${contracts.noticePeriodValue})
  when ${contracts.noticePeriodUnit} = 'months' then (${currentEndSql} - make_interval(months => ${contracts.noticePeriodValue}))::date
end`;
