import { desc, eq } from 'drizzle-orm';
import {
  evaluateChecks,
  readinessOf,
  type CheckResult,
  type Readiness
} from '#lib/domain/checks/index.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { checkSnapshots } from '../db/schema';
import { loadChecksSnapshot, type ProgrammeForChecks } from './snapshot';

export interface ReadinessReport {
  results: CheckResult[];
  readiness: Readiness;
}

/** Loads the snapshot and runs the engine: the checks as of `today`. */
export async function evaluateProgramme(
  db: DatabaseOrTransaction,
  programme: ProgrammeForChecks,
  today: IsoDate
): Promise<ReadinessReport> {
  const { snapshot, settings } = await loadChecksSnapshot(db, programme);
  const results = evaluateChecks(snapshot, today, settings);
  return { results, readiness: readinessOf(results) };
}

/** What a stored snapshot keeps of each result: enough to redraw the trend and compare. */
function storedResults(report: ReadinessReport) {
  return report.results.map((r) => ({
    id: r.id,
    status: r.status,
    summary: r.summary,
    findings: r.findings.length
  }));
}

function snapshotRow(programmeId: string, report: ReadinessReport, today: IsoDate) {
  const { counts, verdict } = report.readiness;
  return {
    programmeId,
    takenOn: today,
    verdict,
    passCount: counts.pass,
    warnCount: counts.warn,
    failCount: counts.fail,
    unknownCount: counts.unknown,
    results: storedResults(report)
  };
}

/**
 * The day's automatic snapshot, taken by the first visit of the readiness page each UTC day.
 * A concurrent first visit hits the unique daily index and does nothing: one row per day.
 */
export async function ensureDailySnapshot(
  db: DatabaseOrTransaction,
  programmeId: string,
  report: ReadinessReport,
  today: IsoDate,
  alreadyTaken: boolean
) {
  if (alreadyTaken) return;
  await db
    .insert(checkSnapshots)
    .values({ ...snapshotRow(programmeId, report, today), trigger: 'daily' })
    .onConflictDoNothing();
}

/** An editor's snapshot, audited: "record where we stand now". */
export async function takeSnapshot(
  db: Database,
  actor: SessionUser,
  programme: ProgrammeForChecks,
  today: IsoDate,
  ip: string | null
) {
  return db.transaction(async (tx) => {
    const report = await evaluateProgramme(tx, programme, today);
    const [row] = await tx
      .insert(checkSnapshots)
      .values({ ...snapshotRow(programme.id, report, today), trigger: 'manual', takenBy: actor.id })
      .returning({ id: checkSnapshots.id });
    await recordAudit(tx, {
      userId: actor.id,
      programmeId: programme.id,
      entity: 'check_snapshot',
      entityId: String(row!.id),
      action: 'check_snapshot_taken',
      after: { verdict: report.readiness.verdict, counts: report.readiness.counts },
      ipAddress: ip
    });
    return report;
  });
}

export interface TrendPoint {
  takenAt: Date;
  takenOn: IsoDate;
  trigger: 'manual' | 'daily';
  verdict: string;
  pass: number;
  warn: number;
  fail: number;
  unknown: number;
}

/** The newest 400 snapshots (one query), oldest first: plenty for a chart. */
export async function listTrend(
  db: DatabaseOrTransaction,
  programmeId: string
): Promise<TrendPoint[]> {
  const rows = await db
    .select({
      takenAt: checkSnapshots.takenAt,
      takenOn: checkSnapshots.takenOn,
      trigger: checkSnapshots.trigger,
      verdict: checkSnapshots.verdict,
      pass: checkSnapshots.passCount,
      warn: checkSnapshots.warnCount,
      fail: checkSnapshots.failCount,
      unknown: checkSnapshots.unknownCount
    })
    .from(checkSnapshots)
    .where(eq(checkSnapshots.programmeId, programmeId))
    .orderBy(desc(checkSnapshots.takenAt))
    .limit(400);
  return rows.reverse();
}

export function hasDailySnapshot(trend: TrendPoint[], today: IsoDate): boolean {
  return trend.some((p) => p.trigger === 'daily' && p.takenOn === today);
}
