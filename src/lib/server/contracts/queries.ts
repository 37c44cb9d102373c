import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays, addMonths, type IsoDate } from '#lib/domain/dates.ts';
import { NOTICE_DUE_DAYS } from '#lib/domain/contracts.ts';
import type { ContractFilters } from '#lib/schemas/contract-filters.ts';
import type { DatabaseOrTransaction } from '../db';
import {
  contractExtensionOptions,
  contracts,
  contractSystems,
  councils,
  systems
} from '../db/schema';
import { currentEndSql, noticeDeadlineSql } from './sql';
import { likePattern } from '../db/like-pattern';

export const PAGE_SIZE = 25;

export function contractConditions(
  programmeId: string,
  f: ContractFilters,
  context: { today: IsoDate; vestingDate: IsoDate }
): SQL {
  const conditions: (SQL | undefined)[] = [eq(contracts.programmeId, programmeId)];
  if (f.council) conditions.push(eq(contracts.councilId, f.council));
  if (f.treatment) conditions.push(eq(contracts.lgrTreatment, f.treatment));
  if (f.undecided) conditions.push(eq(contracts.lgrTreatment, 'undecided'));
  if (f.q) {
    const pattern = likePattern(f.q);
    conditions.push(
      or(
        ilike(contracts.title, pattern),
        ilike(contracts.reference, pattern),
        ilike(contracts.supplierName, pattern)
      )
    );
  }
  if (f.endsWithin !== undefined) {
    const from = addMonths(context.vestingDate, -f.endsWithin);
    const to = addMonths(context.vestingDate, f.endsWithin);
    conditions.push(sql`${currentEndSql} between ${from}::date and ${to}::date`);
  }
  if (f.notice) {
    // Due within 90 days, or already passed.
    conditions.push(sql`${noticeDeadlineSql} <= ${addDays(context.today, NOTICE_DUE_DAYS)}::date`);
  }
  return and(...conditions)!;
}

const SORTS = {
  end: currentEndSql,
  deadline: noticeDeadlineSql,
  supplier: contracts.supplierName,
  title: contracts.title,
  value: contracts.annualValuePence
} as const;

/** The list's order for these filters; the export uses it too, so a download matches the page. */
export function contractOrder(f: ContractFilters): SQL[] {
  const order = f.dir === 'desc' ? desc : asc;
  return [sql`${order(SORTS[f.sort])} nulls last`, asc(contracts.reference)];
}

/** How many contracts match each of several filter sets: one query. */
export async function countContracts(
  db: DatabaseOrTransaction,
  programmeId: string,
  sets: Record<string, ContractFilters>,
  context: { today: IsoDate; vestingDate: IsoDate }
): Promise<Record<string, number>> {
  const entries = Object.entries(sets);
  const columns = Object.fromEntries(
    entries.map(([, f], i) => [
      `c${i}`,
      sql<number>`count(*) filter (where ${contractConditions(programmeId, f, context)})`.mapWith(
        Number
      )
    ])
  );
  const [row] = await db
    .select(columns)
    .from(contracts)
    .where(eq(contracts.programmeId, programmeId));
  return Object.fromEntries(
    entries.map(([name], i) => [name, Number((row as Record<string, number>)[`c${i}`] ?? 0)])
  );
}

/** One page of contracts matching the filters, with derived dates: three queries at most. */
export async function listContracts(
  db: DatabaseOrTransaction,
  programmeId: string,
  f: ContractFilters,
  context: { today: IsoDate; vestingDate: IsoDate }
) {
  const where = contractConditions(programmeId, f, context);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(contracts).where(where),
    db
      .select({
        id: contracts.id,
        reference: contracts.reference,
        title: contracts.title,
        supplierName: contracts.supplierName,
        councilId: contracts.councilId,
        councilName: councils.name,
        endDate: contracts.endDate,
        currentEnd: currentEndSql,
        noticeDeadline: noticeDeadlineSql,
        annualValuePence: contracts.annualValuePence,
        lgrTreatment: contracts.lgrTreatment,
        version: contracts.version
      })
      .from(contracts)
      .innerJoin(councils, eq(councils.id, contracts.councilId))
      .where(where)
      .orderBy(...contractOrder(f))
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE)
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, page: f.page, pageCount: Math.max(1, Math.ceil(n / PAGE_SIZE)) };
}

export async function findContract(
  db: DatabaseOrTransaction,
  programmeId: string,
  contractId: string
) {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.programmeId, programmeId)));
  if (!row) return null;
  const [options, systems] = await Promise.all([
    db
      .select({
        position: contractExtensionOptions.position,
        lengthMonths: contractExtensionOptions.lengthMonths,
        exercised: contractExtensionOptions.exercised
      })
      .from(contractExtensionOptions)
      .where(eq(contractExtensionOptions.contractId, contractId))
      .orderBy(asc(contractExtensionOptions.position)),
    db
      .select({ systemId: contractSystems.systemId })
      .from(contractSystems)
      .where(eq(contractSystems.contractId, contractId))
  ]);
  return {
    ...row,
    extensionOptions: options.map(({ lengthMonths, exercised }) => ({ lengthMonths, exercised })),
    systemIds: systems.map((s) => s.systemId).sort()
  };
}

export type ContractRecord = NonNullable<Awaited<ReturnType<typeof findContract>>>;

/** For the bulk preview: every matching contract (not one page), with what bulk needs. */
export async function allMatchingContracts(
  db: DatabaseOrTransaction,
  programmeId: string,
  f: ContractFilters,
  context: { today: IsoDate; vestingDate: IsoDate }
) {
  return db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      councilName: councils.name,
      currentEnd: currentEndSql,
      lgrTreatment: contracts.lgrTreatment,
      version: contracts.version
    })
    .from(contracts)
    .innerJoin(councils, eq(councils.id, contracts.councilId))
    .where(contractConditions(programmeId, f, context))
    .orderBy(asc(currentEndSql), asc(contracts.reference));
}

export async function contractsByIds(
  db: DatabaseOrTransaction,
  programmeId: string,
  ids: string[]
) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: contracts.id,
      version: contracts.version,
      lgrTreatment: contracts.lgrTreatment,
      reference: contracts.reference
    })
    .from(contracts)
    .where(and(eq(contracts.programmeId, programmeId), inArray(contracts.id, ids)));
}

export function councilChoices(db: DatabaseOrTransaction, programmeId: string) {
  return db
    .select({ id: councils.id, name: councils.name })
    .from(councils)
    .where(eq(councils.programmeId, programmeId))
    .orderBy(asc(councils.name));
}

/** The choices the contract form offers: the programme's councils and systems. */
export async function contractFormOptions(db: DatabaseOrTransaction, programmeId: string) {
  const [councilRows, systemRows] = await Promise.all([
    councilChoices(db, programmeId),
    db
      .select({ id: systems.id, name: systems.name, councilName: councils.name })
      .from(systems)
      .innerJoin(councils, eq(councils.id, systems.councilId))
      .where(eq(systems.programmeId, programmeId))
      .orderBy(asc(councils.name), asc(systems.name))
  ]);
  return { councils: councilRows, systems: systemRows };
}
