import type { CheckResult } from '#lib/domain/checks/index.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import type { Database } from '../db';
import { cachedReadiness } from './cache';
import { ensureDailySnapshot, hasDailySnapshot, listTrend, type TrendPoint } from './readiness';
import type { ProgrammeForChecks } from './snapshot';

/** A result for the list: its findings counted, not sent (a big programme has thousands). */
export type CheckListItem = Omit<CheckResult, 'findings'> & { findingCount: number };

/**
 * The readiness page: the checks as of today, the trend, and — on the first visit of the
 * day — the day's automatic snapshot, added to the trend without reading it back.
 */
export async function readinessPage(
  db: Database,
  programme: ProgrammeForChecks,
  today: IsoDate,
  now = new Date()
) {
  const [report, trend] = await Promise.all([
    cachedReadiness(db, programme, today),
    listTrend(db, programme.id)
  ]);
  const points: TrendPoint[] = [...trend];
  if (!hasDailySnapshot(trend, today)) {
    await ensureDailySnapshot(db, programme.id, report, today, false);
    const { counts, verdict } = report.readiness;
    points.push({ takenAt: now, takenOn: today, trigger: 'daily', verdict, ...counts });
  }
  const checks: CheckListItem[] = report.results.map(({ findings, ...rest }) => ({
    ...rest,
    findingCount: findings.length
  }));
  return { checks, readiness: report.readiness, trend: points };
}
