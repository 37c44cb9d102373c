import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportedContract } from '$lib/domain/import/contract-rows';
import type { DatabaseOrTransaction, Transaction } from '../db';
import { contractExtensionOptions, contracts, councils } from '../db/schema';
import { councilKey, locate, readRows, type ImportStatus, type RowIssue } from './evaluate';
import type { ImportCounts, PendingImport } from './pending';

/**
 * A contract register checked against the programme: each row valid or not, and each valid
 * row added, updated or unchanged. A contract is the same contract when its council and
 * reference match (the database's unique key), so importing a register twice changes nothing.
 */
export interface ContractRowPlan {
  rowNumber: number;
  councilId: string;
  record: ImportedContract;
  status: ImportStatus;
  existingId: string | null;
  existingOptions: { lengthMonths: number; exercised: boolean }[];
}

export interface ContractPlan {
  rows: ContractRowPlan[];
  issues: RowIssue[];
  counts: ImportCounts;
  /** Record keys the mapping fills, apart from the council: what an update may change. */
  fields: (keyof ImportedContract)[];
}

/** Record keys that are columns of the contracts table, in the order we write them. */
const COLUMN_KEYS = [
  'title',
  'description',
  'department',
  'supplierName',
  'supplierCompanyNumber',
  'startDate',
  'endDate',
  'reviewDate',
  'maxEndDate',
  'noticePeriodValue',
  'noticePeriodUnit',
  'annualValuePence',
  'totalValuePence'
] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

function mappedKeys(mapping: (string | null)[]): (keyof ImportedContract)[] {
  const has = (f: string) => mapping.includes(f);
  const keys: (keyof ImportedContract)[] = [];
  for (const key of COLUMN_KEYS) {
    const field =
      key === 'noticePeriodValue' || key === 'noticePeriodUnit'
        ? 'noticePeriod'
        : key === 'annualValuePence'
          ? 'annualValue'
          : key === 'totalValuePence'
            ? 'totalValue'
            : key;
    if (has(field) || (key === 'title' && has('description'))) keys.push(key);
  }
  if (has('extensionOptions')) keys.push('extensionOptions');
  return keys;
}

type Existing = typeof contracts.$inferSelect & {
  options: { lengthMonths: number; exercised: boolean }[];
};

async function existingContracts(db: DatabaseOrTransaction, councilIds: string[]) {
  const byKey = new Map<string, Existing>();
  if (councilIds.length === 0) return byKey;
  const rows = await db.select().from(contracts).where(inArray(contracts.councilId, councilIds));
  const options = await db
    .select({
      contractId: contractExtensionOptions.contractId,
      lengthMonths: contractExtensionOptions.lengthMonths,
      exercised: contractExtensionOptions.exercised
    })
    .from(contractExtensionOptions)
    .innerJoin(contracts, eq(contracts.id, contractExtensionOptions.contractId))
    .where(inArray(contracts.councilId, councilIds))
    .orderBy(contractExtensionOptions.contractId, contractExtensionOptions.position);
  const optionsOf = new Map<string, Existing['options']>();
  for (const o of options) {
    const list = optionsOf.get(o.contractId) ?? [];
    list.push({ lengthMonths: o.lengthMonths, exercised: o.exercised });
    optionsOf.set(o.contractId, list);
  }
  for (const row of rows) {
    byKey.set(`${row.councilId}\u0000${row.reference}`, {
      ...row,
      options: optionsOf.get(row.id) ?? []
    });
  }
  return byKey;
}

function differs(record: ImportedContract, existing: Existing, fields: (keyof ImportedContract)[]) {
  for (const key of fields) {
    if (key === 'extensionOptions') {
      const months = record.extensionOptions ?? [];
      if (months.join(',') !== existing.options.map((o) => o.lengthMonths).join(',')) return true;
    } else if (key === 'noticePeriodUnit') {
      if (
        (record.noticePeriodValue ?? null) !== null &&
        record.noticePeriodUnit !== existing.noticePeriodUnit
      )
        return true;
    } else if (key !== 'councilName' && key !== 'reference') {
      if ((record[key] ?? null) !== (existing[key as ColumnKey] ?? null)) return true;
    }
  }
  return false;
}

export async function planContractImport(
  db: DatabaseOrTransaction,
  pending: PendingImport
): Promise<ContractPlan> {
  const { headers, mapping } = pending;
  const programmeCouncils = await db
    .select({ id: councils.id, name: councils.name })
    .from(councils)
    .where(eq(councils.programmeId, pending.programmeId));
  const councilByKey = new Map(programmeCouncils.map((c) => [councilKey(c.name), c.id]));
  const fields = mappedKeys(mapping);
  const issues: RowIssue[] = [];
  const valid: { rowNumber: number; councilId: string; record: ImportedContract }[] = [];
  const seen = new Map<string, number>();

  for (const { rowNumber, read } of readRows('contracts', pending.rows, mapping)) {
    if (read.kind !== 'contracts') continue;
    if (!read.result.ok) {
      issues.push({
        rowNumber,
        problems: locate('contracts', headers, mapping, read.result.problems)
      });
      continue;
    }
    const record = read.result.record;
    let councilId = pending.councilId;
    if (record.councilName) {
      const found = councilByKey.get(councilKey(record.councilName));
      if (!found) {
        issues.push({
          rowNumber,
          problems: locate('contracts', headers, mapping, [
            {
              field: 'councilName',
              message: `There is no council called “${record.councilName}” in this programme: add it on the Councils page, or leave the cell blank to use the council chosen for this file`
            }
          ])
        });
        continue;
      }
      councilId = found;
    }
    const key = `${councilId}\u0000${record.reference}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        rowNumber,
        problems: locate('contracts', headers, mapping, [
          {
            field: 'reference',
            message: `Reference “${record.reference}” is also on row ${earlier}: each contract of a council needs its own reference`
          }
        ])
      });
      continue;
    }
    seen.set(key, rowNumber);
    valid.push({ rowNumber, councilId, record });
  }

  const existing = await existingContracts(db, [...new Set(valid.map((v) => v.councilId))]);
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const rows: ContractRowPlan[] = valid.map((v) => {
    const found = existing.get(`${v.councilId}\u0000${v.record.reference}`);
    const status: ImportStatus = !found
      ? 'added'
      : differs(v.record, found, fields)
        ? 'updated'
        : 'unchanged';
    counts[status]++;
    return { ...v, status, existingId: found?.id ?? null, existingOptions: found?.options ?? [] };
  });
  return { rows, issues, counts, fields };
}

/** Rows per INSERT: about 20 parameters each, well under PostgreSQL's 65,535. */
const BATCH = 1000;

/**
 * Writes the plan: new and changed contracts in multi-row upserts on (council, reference),
 * then their extension options. Only mapped columns are written to existing contracts; their
 * decision, notes and any column the file does not have are left as they are.
 */
export async function writeContractPlan(tx: Transaction, programmeId: string, plan: ContractPlan) {
  const writes = plan.rows.filter((r) => r.status !== 'unchanged');
  const columnKeys = plan.fields.filter((k): k is ColumnKey =>
    (COLUMN_KEYS as readonly string[]).includes(k)
  );
  const set: Record<string, unknown> = {
    updatedAt: sql`now()`,
    version: sql`${contracts.version} + 1`
  };
  for (const key of columnKeys) set[key] = sql.raw(`excluded."${contracts[key].name}"`);

  const idByRow = new Map<ContractRowPlan, string>();
  for (let start = 0; start < writes.length; start += BATCH) {
    const batch = writes.slice(start, start + BATCH);
    const values = batch.map((r) => {
      const row: Record<string, unknown> = {
        programmeId,
        councilId: r.councilId,
        reference: r.record.reference
      };
      for (const key of columnKeys) row[key] = r.record[key] ?? null;
      if (row.noticePeriodValue === null) row.noticePeriodUnit = null;
      return row as typeof contracts.$inferInsert;
    });
    const written = await tx
      .insert(contracts)
      .values(values)
      .onConflictDoUpdate({ target: [contracts.councilId, contracts.reference], set })
      .returning({
        id: contracts.id,
        councilId: contracts.councilId,
        reference: contracts.reference
      });
    const byKey = new Map(written.map((w) => [`${w.councilId}\u0000${w.reference}`, w.id]));
    for (const r of batch) idByRow.set(r, byKey.get(`${r.councilId}\u0000${r.record.reference}`)!);
  }

  if (!plan.fields.includes('extensionOptions')) return;
  const optionChanges = writes.filter(
    (r) =>
      (r.record.extensionOptions ?? []).join(',') !==
      r.existingOptions.map((o) => o.lengthMonths).join(',')
  );
  const ids = optionChanges.filter((r) => r.existingId).map((r) => r.existingId!);
  for (let start = 0; start < ids.length; start += BATCH) {
    await tx
      .delete(contractExtensionOptions)
      .where(inArray(contractExtensionOptions.contractId, ids.slice(start, start + BATCH)));
  }
  // An option keeps its "exercised" flag when the same length stays at the same place.
  const optionRows = optionChanges.flatMap((r) =>
    (r.record.extensionOptions ?? []).map((lengthMonths, position) => ({
      contractId: idByRow.get(r)!,
      position,
      lengthMonths,
      exercised:
        r.existingOptions[position]?.lengthMonths === lengthMonths &&
        r.existingOptions[position]!.exercised
    }))
  );
  for (let start = 0; start < optionRows.length; start += BATCH * 4) {
    await tx.insert(contractExtensionOptions).values(optionRows.slice(start, start + BATCH * 4));
  }
}

/** For tests and the result page: how many contracts a council has. */
export async function countCouncilContracts(db: DatabaseOrTransaction, programmeId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .where(and(eq(contracts.programmeId, programmeId)));
  return row?.n ?? 0;
}
