import { eq, inArray, sql } from 'drizzle-orm';
import type { ImportedContract } from '#lib/domain/import/contract-rows.ts';
import type { DatabaseOrTransaction, Transaction } from '../db';
import { contractExtensionOptions, contracts, councils } from '../db/schema';
import { ITEMS_PER_SLICE, mapWithYields, yieldToOthers } from '../yield';
import { councilKey, locate, readPendingRows, type ImportStatus, type RowIssue } from './evaluate';
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

/** Only what the comparison needs: the key, the id and the columns an import can change. */
const EXISTING_COLUMNS = {
  id: contracts.id,
  councilId: contracts.councilId,
  reference: contracts.reference,
  ...Object.fromEntries(COLUMN_KEYS.map((k) => [k, contracts[k]]))
} as unknown as Pick<typeof contracts, 'id' | 'councilId' | 'reference' | ColumnKey>;

type Existing = Pick<
  typeof contracts.$inferSelect,
  'id' | 'councilId' | 'reference' | ColumnKey
> & {
  options: { lengthMonths: number; exercised: boolean }[];
};

async function existingContracts(db: DatabaseOrTransaction, councilIds: string[]) {
  const byKey = new Map<string, Existing>();
  if (councilIds.length === 0) return byKey;
  const rows = await db
    .select(EXISTING_COLUMNS)
    .from(contracts)
    .where(inArray(contracts.councilId, councilIds));
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

  let seenRows = 0;
  for (const { rowNumber, read } of await readPendingRows(db, 'contracts', pending)) {
    if (++seenRows % ITEMS_PER_SLICE === 0) await yieldToOthers();
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
  const rows: ContractRowPlan[] = await mapWithYields(valid, (v) => {
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

/**
 * Rows per statement: each batch is one JSON parameter read by jsonb_to_recordset, so one
 * round trip per thousand rows, and the progress shown on the page moves a step each time.
 */
const BATCH = 1000;

/** SQL types of the columns an import writes, for jsonb_to_recordset. */
const COLUMN_TYPES: Record<ColumnKey | 'programmeId' | 'councilId' | 'reference', string> = {
  programmeId: 'uuid',
  councilId: 'uuid',
  reference: 'text',
  title: 'text',
  description: 'text',
  department: 'text',
  supplierName: 'text',
  supplierCompanyNumber: 'text',
  startDate: 'date',
  endDate: 'date',
  reviewDate: 'date',
  maxEndDate: 'date',
  noticePeriodValue: 'integer',
  noticePeriodUnit: 'notice_unit',
  annualValuePence: 'bigint',
  totalValuePence: 'bigint'
};

/**
 * Writes the plan: new and changed contracts in upserts on (council, reference), then their
 * extension options. Each batch is one statement reading its rows from one JSON parameter
 * (jsonb_to_recordset): thousands of rows cost one round trip and almost no query building.
 * Only mapped columns are written to existing contracts; their decision, notes and any column
 * the file does not have are left as they are.
 */
export async function writeContractPlan(
  tx: Transaction,
  programmeId: string,
  plan: ContractPlan,
  /** Told the number of rows (of plan.rows) dealt with so far, after each batch. */
  onProgress: (done: number) => void = () => {}
) {
  const writes = plan.rows.filter((r) => r.status !== 'unchanged');
  const columnKeys = plan.fields.filter((k): k is ColumnKey =>
    (COLUMN_KEYS as readonly string[]).includes(k)
  );
  const keys = ['programmeId', 'councilId', 'reference', ...columnKeys] as const;
  const name = (key: (typeof keys)[number]) => contracts[key].name;
  const columnList = sql.raw(keys.map((k) => `"${name(k)}"`).join(', '));
  const recordType = sql.raw(keys.map((k) => `"${name(k)}" ${COLUMN_TYPES[k]}`).join(', '));
  const updates = sql.raw(
    [
      ...columnKeys.map((k) => `"${name(k)}" = excluded."${name(k)}"`),
      '"version" = "contracts"."version" + 1',
      '"updated_at" = now()'
    ].join(', ')
  );

  const idByRow = new Map<ContractRowPlan, string>();
  for (let start = 0; start < writes.length; start += BATCH) {
    const batch = writes.slice(start, start + BATCH);
    const records = batch.map((r) => {
      const row: Record<string, unknown> = {
        [name('programmeId')]: programmeId,
        [name('councilId')]: r.councilId,
        [name('reference')]: r.record.reference
      };
      for (const key of columnKeys) row[name(key)] = r.record[key] ?? null;
      if (r.record.noticePeriodValue == null && columnKeys.includes('noticePeriodUnit')) {
        row[name('noticePeriodUnit')] = null;
      }
      return row;
    });
    const written = rowsOf<{ id: string; council_id: string; reference: string }>(
      await tx.execute(sql`
        insert into contracts (${columnList})
        select ${columnList} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${recordType})
        on conflict (council_id, reference) do update set ${updates}
        returning id, council_id, reference`)
    );
    const byKey = new Map(written.map((w) => [`${w.council_id}\u0000${w.reference}`, w.id]));
    for (const r of batch) idByRow.set(r, byKey.get(`${r.councilId}\u0000${r.record.reference}`)!);
    onProgress(plan.rows.length - writes.length + start + batch.length);
    await yieldToOthers();
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
    (r.record.extensionOptions ?? []).map((length_months, position) => ({
      contract_id: idByRow.get(r)!,
      position,
      length_months,
      exercised:
        r.existingOptions[position]?.lengthMonths === length_months &&
        r.existingOptions[position]!.exercised
    }))
  );
  for (let start = 0; start < optionRows.length; start += BATCH) {
    const batch = JSON.stringify(optionRows.slice(start, start + BATCH));
    await tx.execute(sql`
      insert into contract_extension_options (contract_id, position, length_months, exercised)
      select contract_id, position, length_months, exercised
      from jsonb_to_recordset(${batch}::jsonb)
        as r(contract_id uuid, position integer, length_months integer, exercised boolean)`);
  }
}

/** Rows from db.execute on either driver (postgres.js returns an array, PGlite { rows }). */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
