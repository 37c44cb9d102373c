/**
 * The contracts export: one row per contract, in the words of a council's contract register,
 * with the dates this tool derives (current end, latest end, notice deadline) worked out by
 * src/lib/domain/contracts.ts, exactly as the pages show them.
 */
import { TREATMENT_LABELS, type LgrTreatment } from '#lib/schemas/contract-filters.ts';
import {
  currentEnd,
  formatExtensionOptions,
  maximumEnd,
  noticeDeadline,
  type ContractTerms
} from '../contracts';
import { column, type ExportColumn } from './table';

export interface ContractExportRow extends ContractTerms {
  councilName: string;
  reference: string;
  title: string;
  description: string | null;
  department: string | null;
  supplierName: string;
  supplierCompanyNumber: string | null;
  reviewDate: string | null;
  annualValuePence: number | null;
  totalValuePence: number | null;
  lgrTreatment: LgrTreatment;
  decisionDate: string | null;
  decisionNotes: string | null;
  /** Names of the systems the contract covers, in name order. */
  systemNames: string[];
}

function noticePeriod(c: ContractExportRow): string | null {
  const { noticePeriodValue: n, noticePeriodUnit: unit } = c;
  if (n === null || unit === null) return null;
  const word = unit === 'days' ? 'day' : 'month';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const CONTRACT_COLUMNS: readonly ExportColumn<ContractExportRow>[] = [
  column.text('Council', (c) => c.councilName, 28),
  column.text('Reference', (c) => c.reference, 16),
  column.text('Title', (c) => c.title, 40),
  column.text('Supplier', (c) => c.supplierName, 28),
  column.text('Supplier company number', (c) => c.supplierCompanyNumber, 14),
  column.text('Department', (c) => c.department, 20),
  column.text('Description', (c) => c.description, 40),
  column.date('Start date', (c) => c.startDate),
  column.date('End date (as let)', (c) => c.endDate),
  column.text('Extension options', (c) =>
    c.extensionOptions.length === 0
      ? null
      : formatExtensionOptions(c.extensionOptions.map((o) => o.lengthMonths))
  ),
  column.integer('Options exercised', (c) => c.extensionOptions.filter((o) => o.exercised).length),
  column.date('Current end', (c) => currentEnd(c)),
  column.date('Latest end', (c) => maximumEnd(c)),
  column.text('Notice period', noticePeriod, 12),
  column.date('Notice deadline', (c) => noticeDeadline(c)),
  column.date('Review date', (c) => c.reviewDate),
  column.money('Annual value (£)', (c) => c.annualValuePence),
  column.money('Total value (£)', (c) => c.totalValuePence),
  column.text('Decision', (c) => TREATMENT_LABELS[c.lgrTreatment], 18),
  column.date('Decision date', (c) => c.decisionDate),
  column.text('Decision notes', (c) => c.decisionNotes, 40),
  column.text('Systems', (c) => (c.systemNames.length ? c.systemNames.join('; ') : null), 30)
];
