import { and, eq, isNull } from 'drizzle-orm';
import { formatLongDate } from '#lib/domain/dates.ts';
import { formatExtensionOptions } from '#lib/domain/extension-options.ts';
import { checkMapping, fieldLabels } from '#lib/domain/import/kinds.ts';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/sessions';
import type { Database, DatabaseOrTransaction } from '../db';
import { pendingImports } from '../db/schema';
import { forgetPendingRows, MAX_LISTED_ISSUES, readPendingRows, type RowIssue } from './evaluate';
import { progressReporter } from './progress';
import { planContractImport, writeContractPlan, type ContractPlan } from './contracts';
import type { ImportCounts, PendingImport } from './pending';
import { planSystemImport, writeSystemPlan, type SystemPlan } from './systems';

/** Rows shown on the preview as they will be stored. */
export const PREVIEW_ROWS = 10;

export interface ImportPreview {
  /** Columns still to choose (a required field unmapped, a field chosen twice). */
  mappingProblems: string[];
  counts: ImportCounts;
  valid: number;
  issues: RowIssue[];
  invalidRows: number;
  sampleHeaders: string[];
  sample: { rowNumber: number; status: string; cells: string[] }[];
}

const money = (pence: unknown) =>
  typeof pence === 'number'
    ? `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`
    : '';
const day = (date: unknown) => (typeof date === 'string' ? formatLongDate(date) : '');

function plan(db: DatabaseOrTransaction, pending: PendingImport) {
  return pending.kind === 'contracts'
    ? planContractImport(db, pending)
    : planSystemImport(db, pending);
}

function contractSample(p: ContractPlan) {
  const labels = fieldLabels('contracts');
  const columns: [string, (r: ContractPlan['rows'][number]['record']) => string][] = [
    [labels.reference!, (r) => r.reference],
    [labels.title!, (r) => r.title ?? ''],
    [labels.supplierName!, (r) => r.supplierName ?? '']
  ];
  const optional: [
    keyof ContractPlan['rows'][number]['record'],
    string,
    (r: ContractPlan['rows'][number]['record']) => string
  ][] = [
    ['startDate', labels.startDate!, (r) => day(r.startDate)],
    ['endDate', labels.endDate!, (r) => day(r.endDate)],
    ['maxEndDate', labels.maxEndDate!, (r) => day(r.maxEndDate)],
    [
      'extensionOptions',
      labels.extensionOptions!,
      (r) => formatExtensionOptions(r.extensionOptions ?? [])
    ],
    [
      'noticePeriodValue',
      labels.noticePeriod!,
      (r) => (r.noticePeriodValue == null ? '' : `${r.noticePeriodValue} ${r.noticePeriodUnit}`)
    ],
    ['annualValuePence', labels.annualValue!, (r) => money(r.annualValuePence)],
    ['totalValuePence', labels.totalValue!, (r) => money(r.totalValuePence)]
  ];
  for (const [key, label, show] of optional)
    if (p.fields.includes(key)) columns.push([label, show]);
  return {
    sampleHeaders: columns.map(([label]) => label),
    sample: p.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      rowNumber: r.rowNumber,
      status: r.status,
      cells: columns.map(([, show]) => show(r.record))
    }))
  };
}

function systemSample(p: SystemPlan) {
  const labels = fieldLabels('systems');
  const columns: [string, (r: SystemPlan['rows'][number]) => string][] = [
    [labels.name!, (r) => r.name]
  ];
  const shown: [string, string, (r: SystemPlan['rows'][number]) => string][] = [
    ['product', labels.product!, (r) => r.values.product ?? ''],
    ['vendor', labels.vendor!, (r) => r.values.vendor ?? ''],
    ['hosting', labels.hosting!, (r) => r.values.hosting ?? ''],
    ['users', labels.users!, (r) => (r.values.users == null ? '' : String(r.values.users))],
    ['annualCostPence', labels.annualCost!, (r) => money(r.values.annualCostPence)],
    ['dayOneCritical', labels.dayOneCritical!, (r) => (r.values.dayOneCritical ? 'Yes' : 'No')]
  ];
  for (const [key, label, show] of shown) {
    if ((p.fields as string[]).includes(key)) columns.push([label, show]);
  }
  return {
    sampleHeaders: columns.map(([label]) => label),
    sample: p.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      rowNumber: r.rowNumber,
      status: r.status,
      cells: columns.map(([, show]) => show(r))
    }))
  };
}

export async function previewImport(
  db: DatabaseOrTransaction,
  pending: PendingImport
): Promise<ImportPreview> {
  const mappingProblems = checkMapping(pending.kind, pending.headers, pending.mapping);
  if (mappingProblems.length > 0) {
    const none = { added: 0, updated: 0, unchanged: 0 };
    const empty = { valid: 0, issues: [], invalidRows: 0, sampleHeaders: [], sample: [] };
    return { mappingProblems, counts: none, ...empty };
  }
  const p = await plan(db, pending);
  const sample =
    pending.kind === 'contracts'
      ? contractSample(p as ContractPlan)
      : systemSample(p as SystemPlan);
  return {
    mappingProblems: [],
    counts: p.counts,
    valid: p.rows.length,
    issues: p.issues.slice(0, MAX_LISTED_ISSUES),
    invalidRows: p.issues.length,
    ...sample
  };
}

export type CommitResult =
  | { ok: true; counts: ImportCounts }
  | { ok: false; reason: 'invalid'; invalidRows: number }
  | { ok: false; reason: 'mapping'; problems: string[] }
  | { ok: false; reason: 'committed' };

/**
 * All or nothing, in one transaction: the rows are checked again against the database as it
 * is now, and if any row is invalid nothing is written. One audit event names the file and
 * its SHA-256 so the import can be traced to the exact file.
 *
 * Progress for the waiting page is written outside that transaction (see progress.ts): the
 * rows are read through the mapping first, outside it (pure work, and the preview has usually
 * done it already), then the transaction compares and writes them in batches of a thousand.
 */
export async function commitImport(
  db: Database,
  actor: SessionUser,
  pending: PendingImport,
  ip: string | null
): Promise<CommitResult> {
  const problems = checkMapping(pending.kind, pending.headers, pending.mapping);
  if (problems.length > 0) return { ok: false, reason: 'mapping', problems };
  if (pending.committedAt) return { ok: false, reason: 'committed' };
  const progress = progressReporter(db, pending.id, pending.rowCount);
  try {
    await progress.stage('reading');
    await readPendingRows(db, pending.kind, pending);
    await progress.stage('saving');
    const result = await db.transaction(async (tx) => {
      const p = await plan(tx, pending);
      if (p.issues.length > 0) {
        return { ok: false as const, reason: 'invalid' as const, invalidRows: p.issues.length };
      }
      // A second click (or a second tab) waits on this row, then finds the import done.
      const [claimed] = await tx
        .update(pendingImports)
        .set({ committedAt: new Date() })
        .where(and(eq(pendingImports.id, pending.id), isNull(pendingImports.committedAt)))
        .returning({ id: pendingImports.id });
      if (!claimed) return { ok: false as const, reason: 'committed' as const };
      if (pending.kind === 'contracts')
        await writeContractPlan(tx, pending.programmeId, p as ContractPlan, progress.rows);
      else await writeSystemPlan(tx, pending.programmeId, p as SystemPlan, progress.rows);
      await recordAudit(tx, {
        userId: actor.id,
        programmeId: pending.programmeId,
        entity: 'import',
        entityId: pending.id,
        action: pending.kind === 'contracts' ? 'contracts_imported' : 'systems_imported',
        after: {
          fileName: pending.fileName,
          sha256: pending.fileSha256,
          bytes: pending.fileBytes,
          kind: pending.kind,
          councilId: pending.councilId,
          rows: p.rows.length,
          ...p.counts
        },
        ipAddress: ip
      });
      await tx
        .update(pendingImports)
        .set({ result: p.counts, rows: [] })
        .where(eq(pendingImports.id, pending.id));
      return { ok: true as const, counts: p.counts };
    });
    if (result.ok) forgetPendingRows(pending.id);
    return result;
  } finally {
    await progress.finish();
  }
}
